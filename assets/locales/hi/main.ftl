site-name = हस्ताक्षर
skip-to-content = मुख्य सामग्री पर जाएँ
language = भाषा
footer-privacy = आपका ईमेल पता सिर्फ़ आपके हस्ताक्षर की पुष्टि के लिए, और आपके कहने पर अपडेट भेजने के लिए इस्तेमाल होता है। आपका नाम तभी दिखाया या सौंपा जाता है जब आप इसकी अनुमति दें।
footer-api = खुला डेटा: याचिकाएँ और गिनती JSON में

home-heading = याचिकाएँ
home-lede = अपना नाम जोड़ें। ईमेल से पुष्टि करें। हर पुष्ट हस्ताक्षर राज्य और लोकसभा क्षेत्र के हिसाब से गिना जाता है और उन तक पहुँचाया जाता है जो कार्रवाई कर सकते हैं।
home-empty = अभी कोई याचिका खुली नहीं है।
signatures-of-goal = हस्ताक्षर, लक्ष्य { $goal }
progress-label = अगले पड़ाव की ओर प्रगति: { $milestone }
milestone-more = { $milestone } तक पहुँचने के लिए { $more } और हस्ताक्षर चाहिए
milestone-goal-reached = लक्ष्य पूरा हुआ। हस्ताक्षर करते और साझा करते रहें: हर नाम वज़न बढ़ाता है।
signatures = हस्ताक्षर
state = राज्य

petition-asks = हमारी माँग
petition-to = प्राप्तकर्ता
petition-why = यह क्यों ज़रूरी है
petition-closed = यह याचिका बंद हो चुकी है और अब हस्ताक्षर नहीं ले रही है।
by-state-heading = हस्ताक्षर कहाँ से आ रहे हैं
recent-heading = हाल के हस्ताक्षर
all-figures = हर राज्य और क्षेत्र के आँकड़े (JSON)

sign-heading = इस याचिका पर हस्ताक्षर करें
error-summary = आपके हस्ताक्षर में कुछ ठीक करना है
error-title-prefix = त्रुटि
field-name = आपका नाम
field-email = ईमेल पता
field-pin-code = पिन कोड
field-state = राज्य या केंद्र शासित प्रदेश
field-constituency = लोकसभा क्षेत्र
field-h-captcha-response = मानव जाँच
hint-name = जैसा आप दिखाना चाहें, अगर आप दिखाने की अनुमति दें।
hint-email = हम आपको हस्ताक्षर की पुष्टि के लिए एक लिंक भेजेंगे।
hint-constituency = जहाँ संभव हो, आपके पिन कोड से चुना गया है; ग़लत हो तो बदल दें।
lookup-button = मेरे पिन कोड से राज्य और क्षेत्र ढूँढें
choose-state = अपना राज्य चुनें
choose-constituency = अपना क्षेत्र चुनें
consents-legend = आपकी पसंद (जब तक आप टिक न करें, हर विकल्प बंद रहता है)
consent-show-name = याचिका के पेज पर मेरा नाम दिखाएँ
consent-deliver-name = याचिका पाने वालों को सौंपी जाने वाली सूची में मेरा नाम शामिल करें
consent-updates = इस याचिका के बारे में मुझे ईमेल से अपडेट भेजें
captcha-needs-js = मानव जाँच के लिए JavaScript चाहिए। अगर आप इसका इस्तेमाल नहीं कर सकते, तो कृपया अभियान को लिखें।
sign-button = याचिका पर हस्ताक्षर करें
sign-privacy = आपका ईमेल पता कभी न दिखाया जाता है, न किसी को दिया जाता है।

error-required = यह भरना ज़रूरी है।
error-too-long = यह बहुत लंबा है।
error-name-link = नाम में लिंक या वेब पता नहीं हो सकता।
error-name-formula = नाम =, +, - या @ से शुरू नहीं हो सकता।
error-name-control = आपके नाम में ऐसे अक्षर हैं जिन्हें हम पढ़ नहीं पा रहे। कृपया फिर से लिखें।
error-email = name@example.com जैसा ईमेल पता लिखें।
error-pin-format = छह अंकों का पिन कोड लिखें, जैसे 110001।
error-pin-unknown = हम इस पिन कोड को नहीं पहचानते। कृपया जाँच लें।
error-pin-state = यह पिन कोड आपके चुने हुए राज्य में नहीं है।
error-state = सूची से राज्य या केंद्र शासित प्रदेश चुनें।
error-constituency = सूची से क्षेत्र चुनें।
error-constituency-state = यह क्षेत्र आपके चुने हुए राज्य में नहीं है।
error-captcha = कृपया मानव जाँच पूरी करें और फिर से कोशिश करें।

check-email-title = अपना ईमेल देखें
check-email-body = हमने आपको एक ईमेल भेजा है। “{ $title }” पर अपने हस्ताक्षर की पुष्टि के लिए उसमें दिए लिंक पर क्लिक करें। पुष्टि के बाद ही आपका हस्ताक्षर गिना जाएगा।
check-email-spam = अगर कुछ मिनटों में ईमेल न आए, तो स्पैम या प्रमोशन फ़ोल्डर देखें।
check-email-support-body = हमने आपको एक ईमेल भेजा है। नई याचिका के लिए अपने समर्थन की पुष्टि करने के लिए उसमें दिया गया लिंक खोलें। पुष्टि के बाद ही आपका समर्थन गिना जाएगा।
support-with-moderators-title = यह याचिका मॉडरेटरों के पास है
support-with-moderators-body = इसे जितने समर्थकों की ज़रूरत थी, वे मिल गए हैं, और सबके लिए खुलने से पहले इसकी जाँच हो रही है। अगर आप अपने समर्थन की पुष्टि कर चुके हैं, तो वह सुरक्षित है और याचिका खुलने पर गिना जाएगा। हस्ताक्षर करने के लिए बाद में इसी लिंक पर लौटें।
back-to-petition = याचिका पर वापस जाएँ
back-home = मुख्य पेज पर जाएँ

confirm-prompt-title = अपने हस्ताक्षर की पुष्टि करें
confirm-prompt-body = “{ $title }” पर अपने हस्ताक्षर की पुष्टि के लिए बटन दबाएँ। बटन दबाते ही आपका हस्ताक्षर गिना जाएगा।
confirm-prompt-button = मेरे हस्ताक्षर की पुष्टि करें
confirmed-title = धन्यवाद: आपके हस्ताक्षर की पुष्टि हो गई
confirmed-body = “{ $title }” पर आपका हस्ताक्षर अब गिना जा रहा है। याचिका को सुने जाने के लिए बहुत सी आवाज़ें चाहिए: कृपया इसे साझा करें।
confirm-expired-title = पुष्टि के इस लिंक की समय-सीमा ख़त्म हो गई है
confirm-expired-body = हस्ताक्षर की पुष्टि के लिंक सीमित समय तक काम करते हैं, और यह लिंक बहुत पुराना है: आपका हस्ताक्षर अभी गिना नहीं गया है। नया लिंक माँगें और उसे जल्दी खोलें।
confirm-expired-button = मुझे नया लिंक भेजें
new-link-sent = हमने उस पते पर पुष्टि का नया लिंक भेज दिया है जिससे आपने हस्ताक्षर किया था। अपना हस्ताक्षर गिनवाने के लिए उसे खोलें।
not-counted-title = यह याचिका अब हस्ताक्षर नहीं ले रही है
not-counted-body = याचिका बंद हो चुकी है या हटा दी गई है, इसलिए आपका हस्ताक्षर गिना नहीं जा सका। आपके समर्थन के लिए धन्यवाद।
already-confirmed-title = आपका हस्ताक्षर पहले ही गिना जा चुका है
already-confirmed-body = आप “{ $title }” पर अपने हस्ताक्षर की पुष्टि पहले ही कर चुके हैं। यह एक ही बार गिना जाता है।

share-heading = यह याचिका साझा करें
share-message = मैंने “{ $title }” पर हस्ताक्षर किए। क्या आप भी करेंगे?
share-email = ईमेल
share-copy-label = इस याचिका का लिंक
share-copy = लिंक कॉपी करें
share-copied = कॉपी हो गया

retry-after = कृपया { $minutes } मिनट बाद फिर से कोशिश करें।
error-400-title = हम यह अनुरोध पढ़ नहीं पाए
error-400-body = कृपया वापस जाकर फिर से कोशिश करें।
error-404-title = पेज नहीं मिला
error-404-body = जिस पेज या लिंक पर आप आए हैं, वह मौजूद नहीं है। अगर आपने पता टाइप किया है तो जाँच लें। अगर आप पुष्टि का लिंक खोल रहे हैं, तो ईमेल से पूरा लिंक कॉपी करें।
error-410-title = यह अब उपलब्ध नहीं है
error-410-body = आप जो ढूँढ रहे हैं, उसे हटा दिया गया है।
error-413-title = यह बहुत ज़्यादा था
error-413-body = आपने जो भेजा, वह हमारी सीमा से बड़ा है।
error-422-title = कृपया अपनी जानकारी जाँचें
error-422-body = आपकी दी हुई कुछ जानकारी स्वीकार नहीं की जा सकी।
error-429-title = बहुत सारी कोशिशें
error-429-body = आपके कनेक्शन से कम समय में बहुत सारे हस्ताक्षर आए हैं। यह याचिका को नकली हस्ताक्षरों से बचाता है।
error-500-title = कुछ गड़बड़ हो गई
error-500-body = माफ़ कीजिए, हमारी तरफ़ से कुछ गड़बड़ हुई। कृपया थोड़ी देर में फिर से कोशिश करें।
error-503-title = सेवा कुछ देर के लिए उपलब्ध नहीं है
error-503-body = हम अभी आपके हस्ताक्षर की जाँच नहीं कर पाए। कुछ भी सहेजा नहीं गया। कृपया एक मिनट बाद फिर से कोशिश करें।

email-greeting = नमस्ते,
email-confirm-subject = अपने हस्ताक्षर की पुष्टि करें: { $title }
email-confirm-intro = “{ $title }” पर हस्ताक्षर करने के लिए धन्यवाद। कृपया यह लिंक खोलकर अपने हस्ताक्षर की पुष्टि करें:
email-confirm-button = मेरे हस्ताक्षर की पुष्टि करें
email-petition-link = याचिका:
email-link-fallback = अगर बटन काम न करे, तो यह लिंक अपने ब्राउज़र में कॉपी करें:
email-confirm-only-then = पुष्टि के बाद ही आपका हस्ताक्षर गिना जाएगा।
email-not-you = अगर आपने इस याचिका पर हस्ताक्षर नहीं किए, तो इस ईमेल को अनदेखा करें: कुछ भी नहीं गिना जाएगा और हम इस बारे में आपको फिर नहीं लिखेंगे।
email-already-not-you = अगर यह आप नहीं थे, तो कुछ करने की ज़रूरत नहीं है: कुछ नहीं बदला है, और हस्ताक्षर अब भी एक ही बार गिना गया है।
email-already-subject = आप पहले ही हस्ताक्षर कर चुके हैं: { $title }
email-already-body = किसी ने, शायद आपने, इस ईमेल पते से “{ $title }” पर फिर से हस्ताक्षर करने की कोशिश की। आपका हस्ताक्षर पहले ही पुष्ट है और एक बार गिना गया है।
email-support-subject = एक नई याचिका के लिए अपने समर्थन की पुष्टि करें
email-support-intro = जनता के लिए खुलने से पहले एक नई याचिका का समर्थन करने के लिए धन्यवाद। कृपया नीचे दिए बटन से अपने समर्थन की पुष्टि करें; उससे खुलने वाले पेज पर याचिका दिखेगी।
email-support-button = मेरे समर्थन की पुष्टि करें
email-support-already-subject = आपका समर्थन पहले से गिना जा चुका है
email-support-already-body = किसी ने, शायद आपने, इसी ईमेल पते से एक नई याचिका का फिर से समर्थन करने की कोशिश की। आपके समर्थन की पुष्टि पहले ही हो चुकी है और वह एक बार गिना गया है।
email-share-prompt = आप याचिका साझा करके मदद कर सकते हैं:
email-footer = हस्ताक्षर: याचिकाएँ जो कार्रवाई कर सकने वालों तक पहुँचती हैं।

## खाते
error-403-title = इसकी अनुमति नहीं है
error-403-body = आपको यह करने की अनुमति नहीं है। अगर आपको लगता है कि होनी चाहिए, तो सही खाते से लॉग इन करें, या फ़ॉर्म को फिर से लोड करके दोबारा कोशिश करें।
form-error-summary = कुछ ठीक करना है
error-choose = दिए गए विकल्पों में से एक चुनें।
error-control = इसमें ऐसे अक्षर हैं जिन्हें हम पढ़ नहीं पा रहे। कृपया फिर से लिखें।
error-login = ईमेल पता या पासवर्ड सही नहीं है।
error-login-unconfirmed = कृपया पहले अपने ईमेल पते की पुष्टि करें: साइन अप करते समय भेजे गए ईमेल का लिंक खोलें। अगर वह न मिले, तो नया पासवर्ड माँगें: उस ईमेल से भी आपके पते की पुष्टि हो जाती है।
error-password-short = कम से कम 10 अक्षर इस्तेमाल करें। कुछ शब्दों को साथ जोड़ने से मज़बूत पासवर्ड बनता है।
error-password-email = आपका पासवर्ड आपका ईमेल पता नहीं हो सकता।
error-recipients = कम से कम एक प्राप्तकर्ता चुनें, या किसी और का नाम लिखें।
error-goal = हस्ताक्षरों की पूरी संख्या लिखें, 1 या उससे ज़्यादा।
error-date = 2027-03-31 जैसी तारीख़ लिखें।
error-closes-range = बंद होने की तारीख़ कल से लेकर अनुमत आख़िरी तारीख़ के बीच चुनें।
error-decision-state = पेज लोड होने के बाद से इस याचिका की स्थिति बदल चुकी है: कुछ भी नहीं बदला गया।
account-name = आपका नाम
account-password = पासवर्ड
account-password-hint = कम से कम 10 अक्षर। कुछ शब्दों को साथ जोड़ने से मज़बूत पासवर्ड बनता है।
account-menu = आपका खाता
signup-title = खाता बनाएँ
signup-lede = याचिकाएँ शुरू करें, समर्थक जुटाएँ और अपने हस्ताक्षरकर्ताओं को जानकारी देते रहें।
signup-button = खाता बनाएँ
signup-have-account = क्या आपका खाता पहले से है?
login-title = लॉग इन करें
login-button = लॉग इन करें
login-forgot = पासवर्ड भूल गए?
login-no-account = यहाँ नए हैं?
logout-button = लॉग आउट करें
account-confirm-title = अपने ईमेल पते की पुष्टि करें
account-confirm-body = अपने खाते के लिए इस पते की पुष्टि करने को बटन दबाएँ; फिर आप लॉग इन हो जाएँगे।
account-check-email-title = अपना ईमेल देखें
account-check-email-body = हमने आपको एक ईमेल भेजा है। अपने पते की पुष्टि करने और आगे बढ़ने के लिए उसमें दिया गया लिंक खोलें।
link-expired-title = इस लिंक की समय-सीमा ख़त्म हो गई है
link-expired-body = यह लिंक पहले ही इस्तेमाल हो चुका है या बहुत पुराना है। नया लिंक माँगें और उसमें बताए गए समय के अंदर उसका इस्तेमाल करें।
reset-title = अपना पासवर्ड रीसेट करें
reset-lede = अपने खाते का ईमेल पता लिखें, और हम आपको नया पासवर्ड चुनने के लिए एक लिंक भेजेंगे।
reset-button = लिंक भेजें
reset-sent-title = अपना ईमेल देखें
reset-sent-body = अगर इस पते से कोई खाता है, तो हमने उस पर नया पासवर्ड चुनने का लिंक भेज दिया है। यह लिंक एक घंटे तक काम करता है।
new-password-title = नया पासवर्ड चुनें
new-password-button = पासवर्ड सहेजें
start-petition = याचिका शुरू करें

## याचिका शुरू करना
new-petition-title = याचिका शुरू करें
edit-petition = याचिका में बदलाव करें
petition-field-lang = याचिका की भाषा
petition-field-title = शीर्षक
petition-field-action = याचिका की माँग
petition-field-background = यह क्यों ज़रूरी है
petition-field-title-tr = शीर्षक (अनुवाद)
petition-field-action-tr = याचिका की माँग (अनुवाद)
petition-field-background-tr = यह क्यों ज़रूरी है (अनुवाद)
petition-field-recipients = याचिका किसे संबोधित है
petition-field-other-recipients = कोई और
petition-field-goal = हस्ताक्षरों का लक्ष्य
petition-field-closes-on = बंद होने की तारीख़
hint-at-most = ज़्यादा से ज़्यादा { $n } अक्षर।
hint-markdown = ज़्यादा से ज़्यादा 3,000 अक्षर। आप **बोल्ड**, *इटैलिक*, [लिंक](https://example.org), "- " से शुरू होने वाली सूचियाँ और "## " से शुरू होने वाले शीर्षक इस्तेमाल कर सकते हैं।
hint-other-recipients = वैकल्पिक: कोई व्यक्ति या संस्था जो सूची में नहीं है, जैसे कोई राज्य सरकार।
hint-goal = आप कितने हस्ताक्षरों का लक्ष्य रख रहे हैं।
hint-closes-on = याचिका इस दिन के अंत में बंद हो जाएगी। अनुमत आख़िरी तारीख़ { $date } है।
hint-translation = वैकल्पिक: दूसरी भाषा में याचिका, ताकि ज़्यादा लोग इसे पढ़ सकें।
petition-translation = अनुवाद (वैकल्पिक)
petition-preview = पूर्वावलोकन
petition-preview-button = पूर्वावलोकन देखें
petition-save-button = ड्राफ़्ट सहेजें
similar-heading = मिलती-जुलती खुली याचिकाएँ: आप इसके बजाय इनमें से किसी पर हस्ताक्षर कर सकते हैं
petition-goal = लक्ष्य
petition-closes = बंद होने की तारीख़

## याचिका बनाने वाले का डैशबोर्ड
dashboard-title = आपकी याचिकाएँ
dashboard-petitions = याचिकाएँ
dashboard-empty = आपने अभी तक कोई याचिका शुरू नहीं की है।
dashboard-confirm-email = कृपया हमारे भेजे लिंक से अपने ईमेल पते की पुष्टि करें: उसके बाद ही कोई याचिका समर्थक जुटा सकती है।
dashboard-back = अपनी याचिकाओं पर वापस जाएँ
dashboard-col-petition = याचिका
dashboard-col-status = स्थिति
dashboard-col-confirmed = पुष्ट हस्ताक्षर
dashboard-col-unconfirmed = अभी पुष्टि नहीं हुई
dashboard-undeliverable = ईमेल नहीं पहुँचा (लौट आया या स्पैम बताया गया)
confirmation-rate-reachable = पुष्ट, जिन तक ईमेल पहुँचा उनमें से
figures-heading = आँकड़े
chart-per-day = हर दिन के पुष्ट हस्ताक्षर
status-draft = ड्राफ़्ट
status-gathering = समर्थक जुटा रही है
status-pending = मॉडरेशन का इंतज़ार
status-changes = बदलाव माँगे गए
status-open = खुली
status-closed = बंद
status-hidden = छिपाई गई
status-rejected = अस्वीकार की गई
status-update-pending = मंज़ूरी का इंतज़ार
status-update-approved = प्रकाशित
status-update-rejected = मंज़ूरी नहीं मिली
submit-for-support = समर्थन माँगें
resubmit = मॉडरेटरों को वापस भेजें
submit-hint = जब { $count ->
    [one] { $count } व्यक्ति
   *[other] { $count } लोग
} इसके साझा लिंक से अपने समर्थन की पुष्टि कर देंगे, तब आपकी याचिका मॉडरेशन के लिए जाएगी।
gathering-progress = ज़रूरी { $needed ->
    [one] { $needed } समर्थक
   *[other] { $needed } समर्थकों
} में से { $count } ने पुष्टि कर दी है। नीचे दिया गया लिंक उन लोगों के साथ साझा करें जो इसका समर्थन करेंगे।
gathering-notice = यह याचिका अपने पहले समर्थक जुटा रही है। पर्याप्त लोगों के हस्ताक्षर हो जाने पर, प्रकाशित होने से पहले हमारे मॉडरेटर इसकी जाँच करेंगे।
pending-explained = हमारे मॉडरेटर आपकी याचिका की समीक्षा कर रहे हैं। फ़ैसला होने पर हम आपको ईमेल करेंगे।
changes-requested = मॉडरेटरों ने ये बदलाव माँगे हैं:
rejected-explained = मॉडरेटरों ने यह याचिका प्रकाशित नहीं की। कारण:
notice-saved = सहेज लिया गया।
notice-email-confirmed = आपके ईमेल पते की पुष्टि हो गई है।
notice-gathering = आपकी याचिका अपने पहले समर्थकों के लिए तैयार है: इसका लिंक साझा करें।
notice-pending = मॉडरेटरों को भेज दिया गया।
notice-confirm-first = कृपया पहले हमारे भेजे लिंक से अपने ईमेल पते की पुष्टि करें।
notice-not-allowed = अपनी मौजूदा स्थिति में यह याचिका आगे नहीं भेजी जा सकती।
petition-closed-final = यह याचिका बंद हो चुकी है। इस पर { $count } हस्ताक्षर हुए।

## अपडेट
updates-heading = अपडेट
write-update = हस्ताक्षरकर्ताओं के लिए अपडेट लिखें
update-new-title = “{ $title }” के बारे में एक अपडेट
update-explained = हर अपडेट को पहले एक मॉडरेटर मंज़ूरी देता है, उसके बाद ही वह याचिका पर प्रकाशित होता है और उन हस्ताक्षरकर्ताओं को ईमेल किया जाता है जिन्होंने अपडेट पाने का विकल्प चुना था।
update-field-title = शीर्षक
update-field-body = अपडेट
update-send-button = मंज़ूरी के लिए भेजें
update-emailed = ईमेल भेजे गए: { $count }
unsubscribe-title = इस याचिका के अपडेट बंद करें?
unsubscribe-body = आपको इस याचिका के बारे में और अपडेट नहीं मिलेंगे। आपका हस्ताक्षर फिर भी गिना जाएगा।
unsubscribe-button = अपडेट बंद करें
unsubscribed-title = आपके लिए अपडेट बंद कर दिए गए हैं
unsubscribed-body = आपको इस याचिका के बारे में और अपडेट नहीं मिलेंगे। आपका हस्ताक्षर फिर भी गिना जाएगा।

## मॉडरेशन
moderation-title = मॉडरेशन
moderation-back = मॉडरेशन की कतार पर वापस जाएँ
queue-heading = इंतज़ार में याचिकाएँ: { $count }
queue-empty = कुछ भी इंतज़ार में नहीं है।
queue-col-waiting = कब से इंतज़ार में
queue-col-supporters = समर्थक
age-hours = { $n } घंटे
age-days = { $n } दिन
waiting-for = { $age } से इंतज़ार में
updates-queue-heading = इंतज़ार में अपडेट: { $count }
approve-update = मंज़ूर करें और भेजें
reject-update = प्रकाशित न करें
review-title = समीक्षा: { $title }
decision-heading = फ़ैसला
review-own-petition = यह याचिका आपने शुरू की है, इसलिए इस पर फ़ैसला किसी दूसरे मॉडरेटर को करना होगा।
decision-action = फ़ैसला
decision-approve = मंज़ूर करें: याचिका प्रकाशित करें
decision-changes = बदलाव के लिए वापस भेजें
decision-reject = अस्वीकार करें
decision-hide = आम लोगों से छिपाएँ
decision-reason = अस्वीकार करने का कारण
decision-reason-hint = अस्वीकार करने के लिए ज़रूरी।
decision-message = याचिका बनाने वाले के लिए संदेश
decision-message-hint = मंज़ूर करने के अलावा बाकी फ़ैसलों के लिए ज़रूरी। याचिका बनाने वाले को यह ईमेल से मिलता है।
decision-button = फ़ैसला दर्ज करें
choose-reason = कारण चुनें
reason-duplicate = यह पहले से खुली किसी याचिका को दोहराती है
reason-not-actionable = यह ऐसा मामला नहीं है जिस पर प्राप्तकर्ता कार्रवाई कर सकें
reason-offensive = यह आपत्तिजनक है
reason-private-person = इसमें किसी निजी व्यक्ति का नाम है या इससे उसे नुकसान पहुँचता है
reason-other = अन्य
users-title = खाते
users-search = ईमेल में यह शामिल हो
users-col-role = भूमिका
users-change = बदलें
search-button = खोजें
role-campaigner = अभियानकर्ता
role-moderator = मॉडरेटर
role-admin = एडमिन
audit-title = ऑडिट लॉग
audit-details = विवरण
audit-older = पुरानी प्रविष्टियाँ

## खातों और याचिकाओं के बारे में ईमेल
email-hello-name = नमस्ते { $name },
email-account-confirm-subject = अपने ईमेल पते की पुष्टि करें
email-account-confirm-body = खाता बनाने के लिए धन्यवाद। कृपया अपने ईमेल पते की पुष्टि करें:
email-account-confirm-button = मेरे पते की पुष्टि करें
email-account-not-you = अगर यह आपने नहीं किया, तो इस ईमेल को अनदेखा करें: लिंक खोले बिना कुछ नहीं होगा।
email-account-exists-subject = किसी ने आपके पते से खाता बनाने की कोशिश की
email-account-exists-body = किसी ने, शायद आपने, इस ईमेल पते से खाता बनाने की कोशिश की। इस पते से आपका खाता पहले से है।
email-account-exists-login = लॉग इन करने के लिए:
email-account-exists-reset = अगर आप अपना पासवर्ड भूल गए हैं:
email-reset-subject = नया पासवर्ड चुनें
email-reset-body = नया पासवर्ड चुनने के लिए यह लिंक खोलें। यह { $hours } घंटे के अंदर, सिर्फ़ एक बार काम करेगा।
email-reset-button = नया पासवर्ड चुनें
email-reset-not-you = अगर आपने यह नहीं माँगा, तो इस ईमेल को अनदेखा करें: आपका पासवर्ड जैसा है वैसा ही रहेगा।
email-moderator-note = मॉडरेटरों की ओर से एक संदेश:
email-open-petition = आपकी याचिका:
email-supported-subject = याचिका “{ $title }” अब मॉडरेटरों के पास है
email-supported-body = पर्याप्त लोगों ने “{ $title }” के लिए अपने समर्थन की पुष्टि कर दी है। हमारे मॉडरेटर अब इसकी समीक्षा कर रहे हैं, और फ़ैसला होने पर हम आपको ईमेल करेंगे।
email-approved-subject = याचिका “{ $title }” प्रकाशित हो गई है
email-approved-body = अच्छी ख़बर: याचिका “{ $title }” को मंज़ूरी मिल गई है और अब यह हस्ताक्षरों के लिए खुली है। इसे ज़्यादा से ज़्यादा लोगों के साथ साझा करें।
email-rejected-subject = याचिका “{ $title }” प्रकाशित नहीं की गई
email-rejected-body = हमारे मॉडरेटरों ने याचिका “{ $title }” को प्रकाशित नहीं किया।
email-changes-subject = याचिका “{ $title }” में बदलाव ज़रूरी हैं
email-changes-body = हमारे मॉडरेटरों ने याचिका “{ $title }” में बदलाव माँगे हैं। अपने डैशबोर्ड से इसमें बदलाव करें और इसे उन्हें वापस भेजें।
email-hidden-subject = याचिका “{ $title }” छिपा दी गई है
email-hidden-body = हमारे मॉडरेटरों ने याचिका “{ $title }” को आम लोगों से छिपा दिया है।
email-half-subject = याचिका “{ $title }” अपने लक्ष्य के आधे रास्ते तक पहुँच गई है
email-half-body = याचिका “{ $title }” पर { $count } हस्ताक्षर हो चुके हैं: यह इसके लक्ष्य का आधा है। इसे साझा करते रहें।
email-goal-subject = याचिका “{ $title }” अपने लक्ष्य तक पहुँच गई है
email-goal-body = याचिका “{ $title }” { $count ->
    [one] { $count } हस्ताक्षर
   *[other] { $count } हस्ताक्षरों
} के साथ अपने लक्ष्य तक पहुँच गई है। धन्यवाद, और यह सिलसिला जारी रखें।
email-closed-subject = याचिका “{ $title }” बंद हो गई है
email-closed-body = याचिका “{ $title }” { $count ->
    [one] { $count } हस्ताक्षर
   *[other] { $count } हस्ताक्षरों
} के साथ बंद हो गई है।
email-update-intro = आपकी हस्ताक्षर की हुई याचिका “{ $title }” के बारे में एक अपडेट:
email-unsubscribe = इस याचिका के अपडेट बंद करने के लिए, बस एक क्लिक:

## डिलीवरी पैक
pack-letter-default =
    आदरणीय { "{" }member{ "}" },

    हम भारत भर के वे { "{" }national_count{ "}" } लोग हैं जिन्होंने याचिका “{ "{" }title{ "}" }” पर हस्ताक्षर किए हैं। हममें से { "{" }count{ "}" } आपके निर्वाचन क्षेत्र { "{" }constituency{ "}" } में और { "{" }state_count{ "}" } { "{" }state{ "}" } में रहते हैं।

    हमारी माँग है: { "{" }action{ "}" }

    हमारा अनुरोध है कि आप संसद में हमारी आवाज़ उठाएँ और अपने वोट से इसका समर्थन करें। आगे याचिका का पूरा पाठ है, और आपके क्षेत्र के उन हस्ताक्षरकर्ताओं के नाम जिन्होंने अपना नाम आप तक पहुँचाने को कहा।

    सादर,
    “{ "{" }title{ "}" }” के हस्ताक्षरकर्ता
pack-member-of = { $constituency }, { $state } से संसद सदस्य
pack-member-vacant = माननीय संसद सदस्य
pack-member = संसद सदस्य
pack-from-constituency = { $constituency } के हस्ताक्षरकर्ता
pack-from-state = { $state } के हस्ताक्षरकर्ता
pack-national = भारत भर के हस्ताक्षरकर्ता
pack-ran = याचिका की अवधि
pack-ran-open = { $opened } से, अब भी खुली
pack-ran-closed = { $opened } से { $closed } तक
pack-petition-asks = याचिका की माँग
pack-petition-why = क्यों
pack-names-heading = { $constituency } के हस्ताक्षरकर्ता जिन्होंने अपना नाम पहुँचाने को कहा: { $count }
pack-names-none = इस निर्वाचन क्षेत्र के किसी हस्ताक्षरकर्ता ने अपना नाम आगे पहुँचाने को नहीं कहा; ऊपर की गिनती में सभी शामिल हैं।
pack-names-note = केवल उन्हीं हस्ताक्षरकर्ताओं के नाम हैं जिन्होंने इन्हें पहुँचाने को कहा। हर पुष्ट हस्ताक्षर आँकड़ों में गिना गया है।
pack-ministry-intro = भारत भर के { $count ->
    [one] { $count } व्यक्ति ने
   *[other] { $count } लोगों ने
} याचिका “{ $title }” पर हस्ताक्षर किए हैं। ईमेल से एक-एक करके पुष्ट किए गए ये हस्ताक्षर नीचे राज्य और लोकसभा निर्वाचन क्षेत्र के अनुसार दिए गए हैं।
pack-states-with = हस्ताक्षर वाले राज्य और केंद्र शासित प्रदेश
pack-constituencies-with = हस्ताक्षर वाले निर्वाचन क्षेत्र
pack-per-day = हर दिन पुष्ट हुए हस्ताक्षर
pack-by-state = राज्य और केंद्र शासित प्रदेश के अनुसार हस्ताक्षर
pack-by-constituency = लोकसभा निर्वाचन क्षेत्र के अनुसार हस्ताक्षर
email-pack-subject = याचिका “{ $title }”: { $count } हस्ताक्षर
email-pack-greeting = आदरणीय { $name },
email-pack-body = कृपया संलग्न याचिका “{ $title }” देखें, जिस पर { $count ->
    [one] { $count } व्यक्ति ने
   *[other] { $count } लोगों ने
} हस्ताक्षर किए हैं; इसमें आपके क्षेत्र के आँकड़े और उन लोगों के नाम हैं जिन्होंने इन्हें आप तक पहुँचाने को कहा। दस्तावेज़ छापा जा सकता है।

## याचिका पहुँचाना (स्टाफ़)
deliver-heading = खुली और बंद याचिकाएँ: पहुँचाएँ
delivery-link = यह याचिका पहुँचाएँ
delivery-title = “{ $title }” पहुँचाएँ
delivery-back = पहुँचाने वाले पन्ने पर वापस
delivery-total = { $pcs ->
    [one] { $pcs } निर्वाचन क्षेत्र
   *[other] { $pcs } निर्वाचन क्षेत्रों
} से { $count } पुष्ट हस्ताक्षर।
delivery-pack-language = पैक की भाषा
exports-heading = एक्सपोर्ट
export-signatures = पुष्ट हस्ताक्षर (नाम केवल उनके जिन्होंने पहुँचाने की सहमति दी)
export-signatures-emails = पुष्ट हस्ताक्षर, संपर्क के लिए सहमत हस्ताक्षरकर्ताओं के ईमेल सहित (एडमिन)
export-counts-state = राज्य के अनुसार गिनती
export-counts-constituency = निर्वाचन क्षेत्र के अनुसार गिनती, हर सांसद के साथ
exports-note = हर एक्सपोर्ट ऑडिट लॉग में दर्ज होता है। CSV फ़ाइलें Excel में हिन्दी सहित ठीक खुलती हैं।
packs-heading = डिलीवरी पैक
pack-ministry-link = मंत्रालय का पैक (PDF)
pack-one = एक निर्वाचन क्षेत्र का पैक
pack-open = पैक खोलें
pack-zip = सभी पैक की ज़िप बनाएँ
job-title = सभी पैक की ज़िप
job-running = काम चल रहा है
job-done = तैयार
job-failed = असफल
job-leave = आप यह पन्ना छोड़कर बाद में लौट सकते हैं: काम चलता रहेगा।
job-download = ज़िप डाउनलोड करें
job-kept = बनने के { $hours } घंटे बाद ज़िप मिटा दी जाती है: इसमें हस्ताक्षरकर्ताओं के नाम हैं।
job-deleted = ज़िप मिटा दी गई है, जैसे हर ज़िप तय समय तक रखे जाने के बाद मिटा दी जाती है (इसमें हस्ताक्षरकर्ताओं के नाम हैं)। डिलीवरी पेज से नई ज़िप बनाएँ।
send-heading = पैक ईमेल से भेजें
send-preview = { $to_send ->
    [one] { $to_send } प्राप्तकर्ता
   *[other] { $to_send } प्राप्तकर्ताओं
} को उनका पैक ईमेल से मिलेगा; { $no_email } का ईमेल पता नहीं है (उनका पैक छापकर डाक से भेजें); { $done } को पहले ही मिल चुका है।
send-list = किन्हें पैक मिलेगा
send-no-email = बिना ईमेल पते वाले प्राप्तकर्ता
send-dry-run = ड्राई रन: गिनें, कुछ न भेजें
send-button = पैक भेजें
deliveries-caption = भेजे गए पैक
delivery-recipient = प्राप्तकर्ता
delivery-state = स्थिति
delivery-error = त्रुटि
delivery-queued = कतार में
delivery-sent = भेजा गया
delivery-failed = असफल
delivery-retry = फिर कोशिश करें
delivered-members = { $date } को { $count } संसद सदस्यों तक पहुँचाई गई।
delivered-members-ministry = { $date } को { $count } संसद सदस्यों और मंत्रालय तक पहुँचाई गई।
recipients-title = प्राप्तकर्ता
recipients-ministries = मंत्रालय और अन्य प्राप्तकर्ता
recipients-members = लोकसभा सदस्य
recipients-search = नाम, दल, निर्वाचन क्षेत्र, राज्य या कोड
recipient-name = नाम
recipient-party = दल
recipient-postal = डाक पता
recipient-save = सहेजें
letters-title = सांसदों को पत्र
letters-lede = हर सांसद के पैक की शुरुआत का पत्र। हर निर्वाचन क्षेत्र के लिए ये जगहें भरी जाती हैं:
letters-save = पत्र सहेजें
audit-unfinished = बीच में रुका

## ईमानदार गिनती: हस्ताक्षर फ़ॉर्म का छिपा खाना, कंसोल, नियम, गिनती का तरीका, अचानक उछाल का ईमेल
honeypot-label = इस खाने को खाली छोड़ें
error-network = 198.51.100.0/24 जैसी नेटवर्क रेंज, या एक पता लिखें।
error-network-narrow = हस्ताक्षरों के साथ केवल उनका /24 (IPv6: /48) नेटवर्क रखा जाता है, उससे बारीक नहीं: पूरा /24 लिखें, या एक पता।
error-network-wide = यह रेंज बहुत बड़ी है: अधिकतम /16 (IPv6: /40) लिखें।
error-domain = example.com जैसा डोमेन लिखें।
error-time = 2026-12-02T10:30 (UTC) जैसा समय, या कोई तारीख़ लिखें।
error-time-order = अंत का समय शुरुआत के बाद होना चाहिए।
error-flag = दिए गए संकेतों में से एक चुनें।
error-criteria-none = कम से कम एक शर्त दें: पूरी याचिका कभी भूल से अमान्य नहीं की जाती।
error-rule-kind = चुनें कि नियम किससे मेल खाए।
error-rule-scope = चुनें कि दर किसके हिसाब से गिनी जाए।
error-rule-limit = 1 से 1,000,000 तक की पूर्ण संख्या लिखें।
error-rule-rate = एक मिनट की सीमा, एक घंटे की सीमा, या दोनों दें।
error-rule-value = इस तरह के नियम का मान लिखें (संकेत देखें)।
error-rule-action = रोकें या ब्लॉक करें में से चुनें।
integrity-title = ईमानदार गिनती: { $title }
integrity-back = याचिका की समीक्षा पर लौटें
integrity-window = समय अवधि
integrity-window-hour = पिछला घंटा
integrity-window-day = पिछला दिन
integrity-window-all = पूरी याचिका
integrity-rate = अभी हस्ताक्षर की दर: पिछले पाँच मिनट में { $recent } प्रति मिनट, उससे पहले के घंटे में { $trailing } प्रति मिनट।
integrity-spike = अचानक उछाल: पिछले पाँच मिनट में { $recent } हस्ताक्षर प्रति मिनट, उससे पहले के घंटे में { $trailing } प्रति मिनट। मॉडरेटरों को ईमेल भेजा गया है।
integrity-summary = इस अवधि में { $count ->
    [one] { $count } हस्ताक्षर
   *[other] { $count } हस्ताक्षर
} (अमान्य किए गए छोड़कर)
integrity-flags = उठे संकेत
integrity-col-flag = संकेत
integrity-col-count = हस्ताक्षर
integrity-col-share = हिस्सा
integrity-col-when = कब
integrity-col-state = स्थिति
integrity-flag-any = कोई भी
integrity-flag-disposable = अस्थायी ईमेल डोमेन
integrity-flag-too_fast = बहुत जल्दी भेजा गया (या हमारे फ़ॉर्म से नहीं)
integrity-flag-honeypot = छिपा खाना भरा गया
integrity-flag-held = नियम से रोका गया
integrity-chart-minute = प्रति मिनट हस्ताक्षर
integrity-chart-quarter = प्रति पंद्रह मिनट हस्ताक्षर
integrity-chart-day = प्रति दिन हस्ताक्षर
integrity-top-networks = सबसे ज़्यादा हस्ताक्षर वाले नेटवर्क
integrity-top-domains = सबसे ज़्यादा हस्ताक्षर वाले ईमेल डोमेन
integrity-top-constituencies = सबसे ज़्यादा हस्ताक्षर वाले निर्वाचन क्षेत्र
integrity-unknown = अज्ञात
integrity-none = कोई नहीं।
integrity-held = मॉडरेटर के लिए { $count ->
    [one] { $count } हस्ताक्षर रोका गया
   *[other] { $count } हस्ताक्षर रोके गए
}
integrity-release = { $count ->
    [one] रोका गया हस्ताक्षर छोड़ें
   *[other] रोके गए सभी { $count } हस्ताक्षर छोड़ें
}: पुष्टि होने पर वे गिने जाएँगे
integrity-held-invalidate = इनकी जगह इन्हें अमान्य करने के लिए, नीचे "नियम से रोका गया" संकेत चुनें।
integrity-invalidate = हस्ताक्षर अमान्य करें
integrity-invalidate-hint = शर्तें चुनें, देखें कितने हस्ताक्षर मेल खाते हैं, फिर लागू करें। दूसरा बटन दबाने तक कुछ नहीं बदलता। दी गई हर शर्त का मेल खाना ज़रूरी है।
integrity-field-network = नेटवर्क
integrity-field-domain = ईमेल डोमेन
integrity-field-address = ईमेल पता
integrity-field-since = इस समय से हस्ताक्षर
integrity-field-until = इस समय से पहले हस्ताक्षर
integrity-field-constituency = निर्वाचन क्षेत्र
integrity-field-flag = संकेत
integrity-field-reason = कारण
integrity-hint-network = एक /24 (IPv6: /48), /16 तक की रेंज, या एक पता।
integrity-hint-time = UTC में, जैसे 2026-12-02T10:30।
integrity-hint-until = UTC में, जैसे 2026-12-02T10:30। खाली छोड़ने पर यह वह पल बन जाता है जब आप गिनती देखते हैं, ताकि जो आप लागू करें वही हो जो आपने देखा।
integrity-hint-constituency = उसका कोड, जैसे S24-77।
integrity-hint-reason = याचिका के गिनती-तरीका पेज पर सबके सामने दिखेगा: कारण बताएँ, कोई पता या नेटवर्क न लिखें।
integrity-preview-button = देखें कितने मेल खाते हैं
integrity-preview-again = फिर से गिनें
integrity-preview = { $count ->
    [one] { $count } हस्ताक्षर मेल खाता है।
   *[other] { $count } हस्ताक्षर मेल खाते हैं।
}
integrity-preview-none = कोई हस्ताक्षर मेल नहीं खाता: अमान्य करने को कुछ नहीं है।
integrity-preview-changed = आपके देखने के बाद संख्या बदल गई है।
integrity-apply = { $count ->
    [one] { $count } हस्ताक्षर अमान्य करें
   *[other] { $count } हस्ताक्षर अमान्य करें
}
integrity-invalidations = अमान्य किए गए हस्ताक्षर
integrity-cancel = रद्द करें: { $count ->
    [one] { $count } हस्ताक्षर
   *[other] { $count } हस्ताक्षर
} फिर से गिनें
integrity-cancelled = { $date } को रद्द किया गया
integrity-done-invalidated = { $count ->
    [one] { $count } हस्ताक्षर अमान्य किया गया।
   *[other] { $count } हस्ताक्षर अमान्य किए गए।
} गिनती तुरंत घटती है।
integrity-done-cancelled = अमान्य करना रद्द हुआ: { $count ->
    [one] { $count } हस्ताक्षर
   *[other] { $count } हस्ताक्षर
} कुछ ही सेकंड में फिर से गिने जाएँगे।
integrity-done-released = { $count ->
    [one] { $count } हस्ताक्षर छोड़ा गया।
   *[other] { $count } हस्ताक्षर छोड़े गए।
}
integrity-done-nothing = अब कुछ मेल नहीं खाता: कुछ नहीं बदला।
integrity-lookup = एक पता खोजें
integrity-lookup-button = खोजें
integrity-lookup-none = इस याचिका पर उस पते से कोई हस्ताक्षर नहीं है।
integrity-state-counted = गिना गया
integrity-state-waiting = पुष्टि की प्रतीक्षा में
integrity-state-held = नियम से रोका गया
integrity-state-invalidated = अमान्य
integrity-signed-at = हस्ताक्षर का समय
integrity-confirmed-at = पुष्टि का समय
integrity-form-seconds = फ़ॉर्म कितने सेकंड खुला रहा
integrity-no-stamp = हमारे फ़ॉर्म से नहीं भेजा गया
rules-title = ईमानदार गिनती के नियम
rules-intro = हर सर्वर कुछ ही सेकंड में इन नियमों का पालन करता है। "रोकें" हस्ताक्षर को रखता है और पुष्टि का ईमेल भेजता है, पर मॉडरेटर के छोड़ने तक वह गिना नहीं जाता; "ब्लॉक करें" न कुछ रखता है, न कुछ भेजता है। हस्ताक्षर करने वाले को दोनों बार वही पेज दिखता है।
rules-none = अभी कोई नियम नहीं है।
rules-add = नियम जोड़ें
rules-add-button = नियम जोड़ें
rules-done-added = नियम जोड़ा गया।
rules-done-removed = नियम हटाया गया।
rules-unreadable = नियम { $ids } ऐसे रूप में रखे हैं जिसे यह संस्करण नहीं पढ़ सकता; वे लागू नहीं हैं।
rule-field-kind = किससे मेल खाए
rule-field-scope = दर किसके हिसाब से गिनी जाए
rule-field-value = मान
rule-field-burst = एक मिनट में अधिकतम
rule-field-sustained = एक घंटे में अधिकतम
rule-field-action = कार्रवाई
rule-field-note = स्टाफ़ के लिए टिप्पणी
rule-hint-value = एक नेटवर्क (198.51.100.0/24), एक डोमेन (example.com), एक पते का पैटर्न (bot*@example.com), या "बहुत जल्दी" के लिए कम से कम कितने सेकंड एक व्यक्ति को लगते हैं। दर, अस्थायी डोमेन और छिपे खाने के लिए ज़रूरी नहीं।
rule-hint-scope = केवल दर के लिए। दर उसी याचिका के हस्ताक्षर गिनती है।
rule-hint-action = रोकें: रखा जाता है, छोड़े जाने तक गिना नहीं जाता। ब्लॉक करें: न कुछ रखा जाता है, न भेजा जाता है।
rule-hits = मेल खाए
rule-remove = हटाएँ
rule-remove-label = नियम { $id } हटाएँ
rule-kind-rate = एक दर
rule-kind-network = एक नेटवर्क रेंज
rule-kind-domain = एक ईमेल डोमेन
rule-kind-address = एक पते का पैटर्न
rule-kind-disposable = अस्थायी ईमेल डोमेन
rule-kind-too_fast = बहुत जल्दी भेजा गया फ़ॉर्म
rule-kind-honeypot = छिपा खाना भरा गया
rule-scope-ip = क्लाइंट का पता
rule-scope-network = नेटवर्क
rule-scope-domain = ईमेल डोमेन
rule-scope-petition = पूरी याचिका
rule-action-hold = रोकें
rule-action-block = ब्लॉक करें
rule-burst-is = एक मिनट में { $count } से ज़्यादा
rule-sustained-is = एक घंटे में { $count } से ज़्यादा
rule-too-fast-is = { $count } सेकंड से कम
method-link = हस्ताक्षर कैसे गिने जाते हैं
method-title = हस्ताक्षर कैसे गिने जाते हैं: { $title }
method-back = याचिका “{ $title }” पर लौटें
method-how = एक हस्ताक्षर कब गिना जाता है
method-person = हस्ताक्षर तभी गिना जाता है जब हस्ताक्षर करने वाला हमारे भेजे ईमेल का लिंक खोलकर पुष्टि का बटन दबाता है। लिंक खोलने वाले मेल स्कैनर किसी हस्ताक्षर की पुष्टि नहीं कर सकते।
method-once = हर व्यक्ति का एक हस्ताक्षर: एक ही ईमेल पते के अलग-अलग रूप (बड़े अक्षर, Gmail पते में बिंदु, +टैग) एक ही बार गिने जाते हैं।
method-checks = स्वचालित हस्ताक्षरों की लहर पहचानने के लिए हम हर हस्ताक्षर के साथ कुछ संकेत रखते हैं: वह किस नेटवर्क से आया (पूरा पता नहीं), ईमेल का डोमेन, और फ़ॉर्म कितनी देर खुला रहा। हस्ताक्षर करने वाले के बाकी डेटा के साथ ये भी मिटा दिए जाते हैं।
method-held = दुरुपयोग के विरुद्ध किसी नियम से मेल खाने वाले हस्ताक्षर रोक लिए जाते हैं: मॉडरेटर के छोड़े बिना वे नहीं गिने जाते।
method-invalidated = जब स्टाफ़ को नकली हस्ताक्षरों की लहर मिलती है, तो वे उसे अमान्य कर देते हैं: वे हस्ताक्षर गिने जाना बंद हो जाते हैं, और यह कार्रवाई अपनी तारीख़ और कारण के साथ नीचे दर्ज होती है।
method-figures = आँकड़े
method-counted = गिने गए (व्यक्ति द्वारा पुष्टि किए गए)
method-waiting = पुष्टि की प्रतीक्षा में
method-held-count = मॉडरेटर के लिए रोके गए
method-invalidated-count = अमान्य किए गए
method-lag = पुष्टि कुछ ही सेकंड में गिनती में जुड़ जाती है।
method-invalidations = अमान्य किए गए हस्ताक्षर
method-invalidations-none = इस याचिका का कोई हस्ताक्षर अमान्य नहीं किया गया है।
method-invalidation-count = { $count ->
    [one] { $count } हस्ताक्षर अमान्य किया गया
   *[other] { $count } हस्ताक्षर अमान्य किए गए
}
method-restored = ({ $date } को रद्द किया गया: वे फिर से गिने जाते हैं)
email-spike-subject = “{ $title }” पर अचानक उछाल
email-spike-body = याचिका “{ $title }” पर पिछले पाँच मिनट में प्रति मिनट { $recent } हस्ताक्षर हुए, जबकि उससे पहले के घंटे में प्रति मिनट { $trailing }। यह कोई ख़बर हो सकती है, या नकली हस्ताक्षरों की लहर। कंसोल दिखाता है कि हस्ताक्षर कहाँ से आ रहे हैं।
email-spike-console = ईमानदार गिनती का कंसोल खोलें

## याचिका पृष्ठ: जानकारी और हस्ताक्षर का रास्ता
petition-started-by = { $name } ने शुरू की
petition-opened-on = { $date } को खुली
petition-closes-on = { $date } को बंद होगी
petition-closed-on = { $date } को बंद हुई
signed-today = आज { $shown } लोगों ने हस्ताक्षर किए
sign-jump = इस याचिका पर हस्ताक्षर करें
you-signed = आपने इस याचिका पर हस्ताक्षर कर दिए हैं। धन्यवाद!
you-signed-share = अब किसी दोस्त से भी हस्ताक्षर करवाएँ: इसे साझा करें।
petition-field-show-starter = याचिका पर शुरू करने वाले के रूप में मेरा नाम दिखाएँ
hint-show-starter = आपके खाते वाला नाम। बिना नाम के शुरू करने के लिए इसे खाली छोड़ दें।
sign-later-title = अभी हस्ताक्षर नहीं हुआ
sign-later-body = आपके कनेक्शन से कम समय में बहुत सारे हस्ताक्षर आए हैं, इसलिए यह हस्ताक्षर नहीं भेजा गया। आपने जो भरा है वह खोया नहीं है: सब कुछ नीचे के फ़ॉर्म में है।

## स्टाफ़ कंसोल
staff-nav = स्टाफ़ पृष्ठ
staff-nav-moderation = मॉडरेशन
staff-nav-petitions = याचिकाएँ और सौंपना
staff-nav-recipients = प्राप्तकर्ता
staff-nav-letters = पत्र
staff-nav-rules = जाँच के नियम
staff-nav-privacy = निजता अनुरोध
staff-nav-users = उपयोगकर्ता
staff-nav-audit = ऑडिट लॉग
staff-petitions-title = याचिकाएँ
staff-petitions-hint = सार्वजनिक याचिकाएँ, नई पहले। होम पेज पर पहले चुनी हुई याचिकाएँ आती हैं, फिर सबसे ज़्यादा हस्ताक्षर वाली।
staff-petitions-empty = अभी कोई याचिका सार्वजनिक नहीं है।
staff-featured = चुनी हुई
staff-feature = होम पेज पर सबसे ऊपर दिखाएँ
staff-unfeature = होम पेज से हटाएँ
staff-public-page = सार्वजनिक पृष्ठ
staff-integrity = जाँच
staff-delivery = सौंपना
done-approve = स्वीकृत: याचिका खुल गई है और शुरू करने वाले को ईमेल भेज दिया गया है।
done-changes = वापस भेजी गई: शुरू करने वाले को ईमेल से बता दिया गया है कि क्या बदलना है।
done-reject = अस्वीकृत: शुरू करने वाले को कारण ईमेल कर दिया गया है।
done-hide = छिपाई गई: याचिका अब सार्वजनिक नहीं है।
done-update-approved = अपडेट स्वीकृत: यह याचिका के पृष्ठ पर है और सदस्यों को भेजा जा रहा है।
done-update-rejected = अपडेट अस्वीकृत।
done-role = भूमिका बदल दी गई।
done-featured = होम पेज अब सबसे पहले यह याचिका दिखाता है।
done-unfeatured = याचिका अब होम पेज पर चुनी हुई नहीं है।
done-queued = भेजा गया: { $shown } पैक कतार में हैं। नीचे की तालिका हर पैक की स्थिति दिखाती है।
done-dry-run = केवल जाँच, कुछ नहीं भेजा गया: { $shown } पैक भेजे जाते, और { $missing_shown } प्राप्तकर्ताओं का ईमेल पता नहीं है।
done-retried = पैक फिर से भेजा जाएगा।
done-saved = सहेज लिया गया।
send-why-all-done = भेजने को कुछ नहीं: ईमेल पते वाले हर प्राप्तकर्ता को उसका पैक मिल चुका है।
send-why-no-email = ईमेल से भेजने को कुछ नहीं: बचे हुए { $shown } प्राप्तकर्ताओं का ईमेल पता नहीं है। प्राप्तकर्ता पृष्ठ पर पते जोड़ें, या उनके पैक छापकर डाक से भेजें।

## अभियानकर्ता का डैशबोर्ड
steps-heading = आगे क्या होगा
step-done = पूरा:
step-write = अपनी याचिका लिखें। आगे भेजने तक आप इसे बदल सकते हैं।
step-supporters = इसे अपने पहले समर्थकों को भेजें: { $count } लोगों को इसके निजी लिंक से हस्ताक्षर करने होंगे।
step-moderation = हमारे मॉडरेटर इसे नियमों के अनुसार जाँचते हैं, और इसे खोलते हैं या बताते हैं कि क्या बदलना है।
step-open = यह सबके लिए खुल जाती है: इसे साझा करें, और अपने हस्ताक्षरकर्ताओं को अपडेट लिखें।
dashboard-public-link = सार्वजनिक पृष्ठ देखें
dashboard-support-link = वह पृष्ठ देखें जिस पर आपके पहले समर्थक हस्ताक्षर करते हैं
chart-empty = लोग हस्ताक्षर करना शुरू करेंगे तो यहाँ हर दिन के हस्ताक्षरों का चार्ट दिखेगा।
confirmation-rate-words = जिन { $reachable } लोगों तक ईमेल पहुँचा, उनमें से { $confirmed } ने अपने हस्ताक्षर की पुष्टि की है ({ $rate }%)। हस्ताक्षर पुष्टि के बाद ही गिना जाता है; बाक़ी लोगों ने अभी अपना लिंक नहीं खोला है।
confirmation-rate-bounced = { $shown } पतों तक ईमेल नहीं पहुँच सका (ईमेल लौट आया या स्पैम बताया गया)।

## ऑडिट लॉग
audit-action-petition-approve = ने एक याचिका स्वीकृत की
audit-action-petition-reject = ने एक याचिका अस्वीकृत की
audit-action-petition-changes = ने याचिका में बदलाव माँगे
audit-action-petition-hide = ने एक याचिका छिपाई
audit-action-petition-feature = ने होम पेज पर चुनी हुई याचिका बदली
audit-action-update-write = ने एक अपडेट लिखा
audit-action-update-approve = ने एक अपडेट स्वीकृत किया
audit-action-update-reject = ने एक अपडेट अस्वीकृत किया
audit-action-user-role = ने किसी खाते की भूमिका बदली
audit-action-export-signatures = ने हस्ताक्षर निर्यात किए
audit-action-export-counts = ने गिनती निर्यात की
audit-action-deliver-pack = ने एक पैक खोला
audit-action-deliver-packs = ने सौंपने के पैक बनाए
audit-action-deliver-packs-zip = ने पैकों की ज़िप बनाई
audit-action-deliver-send = ने पैक भेजे
audit-action-deliver-send-dry-run = ने पैक भेजने की जाँच की (कुछ नहीं भेजा)
audit-action-deliver-retry = ने एक पैक फिर भेजा
audit-action-recipient-edit = ने एक प्राप्तकर्ता बदला
audit-action-representative-edit = ने एक सांसद का विवरण बदला
audit-action-letter-edit = ने पत्र बदला
audit-action-import-representatives = ने सांसदों की सूची आयात की
audit-action-rule-add = ने जाँच का नियम जोड़ा
audit-action-rule-remove = ने जाँच का नियम हटाया
audit-action-signatures-release = ने रोके गए हस्ताक्षर छोड़े
audit-action-signatures-invalidate = ने हस्ताक्षर अमान्य किए
audit-action-invalidation-cancel = ने अमान्यकरण रद्द किया
audit-action-import-disposable-domains = ने अस्थायी ईमेल डोमेन की सूची आयात की
audit-action-signatures-lookup = ने किसी पते के हस्ताक्षर देखे
audit-action-signer-link = ने हस्ताक्षर सँभालने का लिंक माँगा
audit-action-signer-withdraw = ने हस्ताक्षर वापस लिया
audit-action-signer-consents = ने अपनी सहमतियाँ बदलीं
audit-action-signer-download = ने अपना डेटा डाउनलोड किया
audit-action-signer-erase = ने अपना डेटा मिटाया
audit-action-retention-anonymise = ने बंद याचिका के हस्ताक्षरकर्ताओं को गुमनाम किया
audit-action-privacy-lookup = ने देखा कि एक पते का क्या डेटा है
audit-action-privacy-answer = ने निजता अनुरोध का जवाब दिया
audit-action-account-download = ने अपने खाते का डेटा डाउनलोड किया
audit-action-account-delete = ने अपना खाता मिटाया
audit-action-keys-rotate = ने डेटा नई कुंजी से फिर सील किया
audit-on-petition = याचिका { $id } पर
audit-row-count = { $shown } पंक्तियाँ
audit-at = { $date }, { $time } UTC
recipients-missing-email = केवल वे सांसद जिनका ईमेल पता नहीं है
recipients-none = कोई सांसद मेल नहीं खाता।
recipients-showing = { $total } सांसदों में से { $from } से { $to } तक।
recipients-pages = सांसदों के पृष्ठ
page-previous = पिछला पृष्ठ
page-next = अगला पृष्ठ
page-of = पृष्ठ { $page } / { $pages }
update-preview-heading = आपका अपडेट ऐसा दिखेगा
update-preview-button = पूर्वावलोकन
update-preview-untranslated = { $lang } पढ़ने वालों को यह ऊपर लिखे रूप में, बिना अनुवाद के मिलेगा।
update-translation-hint = यही अपडेट { $lang } में, उसे पढ़ने वाले हस्ताक्षरकर्ताओं के लिए (वैकल्पिक; इसके बिना उन्हें ऊपर वाला अपडेट मिलेगा)।

## A petition's picture (its creator's page, and the public page's figure)
image-title = आपकी याचिका का चित्र
image-back = अपनी याचिका पर वापस जाएँ
image-current = अभी का चित्र
image-remove = चित्र हटाएँ
image-consent = केवल वही चित्र लगाएँ जिसे लगाने का आपको अधिकार है। किसी पीड़िता या बच्चे का ऐसा चेहरा कभी न दिखाएँ जिससे उसकी पहचान हो सके।
image-field = चित्र
image-hint = JPEG, PNG या WebP, अधिकतम { $mb } MB, कम से कम { $width } पिक्सेल चौड़ा। 4:3 से ऊँचा या 2:1 से चौड़ा चित्र बीच से काटा जाता है। हम केवल चित्र रखते हैं, उसकी फ़ाइल में छिपी जानकारी (कैमरा, जगह या तारीख) नहीं।
image-alt-label = चित्र में क्या है, { $language } में
image-alt-hint = जो इसे देख नहीं सकते, उनके लिए एक वाक्य, जैसे "संसद के बाहर बैनर लिए महिलाएँ"।
image-upload = चित्र अपलोड करें
image-link-add = चित्र जोड़ें
image-link-change = चित्र बदलें
done-image-saved = चित्र सहेज लिया गया। यह याचिका के पृष्ठ पर गिनती के नीचे दिखता है।
done-image-removed = चित्र हटा दिया गया।
error-image-required = अपलोड करने के लिए एक चित्र चुनें
error-image-kind = चित्र JPEG, PNG या WebP फ़ाइल होना चाहिए
error-image-too-large = चित्र 5 MB या उससे छोटा होना चाहिए
error-image-too-small = चित्र कम से कम 400 पिक्सेल चौड़ा होना चाहिए
error-image-pixels = चित्र में बहुत अधिक पिक्सेल हैं: उसकी लंबी भुजा अधिक से अधिक 6,000 पिक्सेल रखें
error-image-unreadable = चित्र पढ़ा नहीं जा सका, शायद फ़ाइल खराब है: उसे फिर से सहेजें, या कोई दूसरा चुनें

## The constituency map (/petitions/{id}/map, and the petition page's small map)
constituency = निर्वाचन क्षेत्र
map-label = भारत के लोकसभा निर्वाचन क्षेत्रों का नक्शा, हर क्षेत्र उसके हस्ताक्षरों की संख्या के अनुसार रंगा हुआ
map-legend = एक निर्वाचन क्षेत्र में हस्ताक्षर
map-legend-none = अभी कोई नहीं
map-see-all = नक्शे पर हर निर्वाचन क्षेत्र देखें
map-heading = निर्वाचन क्षेत्र के अनुसार हस्ताक्षर
map-heading-state = { $state } में निर्वाचन क्षेत्र के अनुसार हस्ताक्षर
map-lede = { $places ->
    [one] { $places } निर्वाचन क्षेत्र
   *[other] { $places } निर्वाचन क्षेत्रों
} से { $shown } हस्ताक्षर।
map-state-label = एक राज्य या केंद्र शासित प्रदेश दिखाएँ
map-state-all = पूरा भारत
map-state-show = दिखाएँ
map-table-caption = हर निर्वाचन क्षेत्र में हस्ताक्षर, सबसे अधिक पहले
map-member = संसद सदस्य
map-vacant = रिक्त
map-unsigned = { $count ->
    [one] { $count } निर्वाचन क्षेत्र
   *[other] { $count } निर्वाचन क्षेत्रों
} से अभी कोई हस्ताक्षर नहीं।
map-states-label = भारत के राज्यों और केंद्र शासित प्रदेशों का नक्शा, हर एक उसके हस्ताक्षरों की संख्या के अनुसार रंगा हुआ

## Where signers came from (partners' ?source= links)
sources-heading = हस्ताक्षरकर्ता कहाँ से आए
sources-source = लिंक का स्रोत
sources-none = बिना स्रोत के
sources-hint = हर समूह को उसका अपना लिंक दें, ताकि उसकी पहुँच से आए हस्ताक्षर गिने जा सकें: { $url } और उसके बाद आपका चुना हुआ नाम, जैसे bihar-network (अक्षर, अंक और डैश)।
embed-hint = याचिका को, हस्ताक्षर के फ़ॉर्म सहित, किसी समूह की अपनी वेबसाइट पर लगाने के लिए यह कोड उसके पेज में चिपकाएँ (source में समूह का नाम लिखें):

## Browsing petitions (/petitions) and the feed
browse-all = सभी याचिकाएँ देखें
browse-title = सभी याचिकाएँ
browse-search = शीर्षक और माँग में खोजें
browse-status = कौन-सी
browse-status-all = खुली और बंद
browse-status-open = खुली, जिन पर अब भी हस्ताक्षर हो रहे हैं
browse-status-closed = बंद
browse-sort = किस क्रम में
browse-sort-signed = सबसे अधिक हस्ताक्षर वाली पहले
browse-sort-new = सबसे नई पहले
browse-sort-closing = जल्दी बंद होने वाली पहले
browse-delivered = केवल वे याचिकाएँ जो प्राप्तकर्ताओं तक पहुँचाई जा चुकी हैं
browse-show = दिखाएँ
browse-found = { $count ->
    [one] { $shown } याचिका।
   *[other] { $shown } याचिकाएँ।
}
browse-pages = पृष्ठ
browse-previous = पिछला पृष्ठ
browse-next = अगला पृष्ठ
browse-page-of = पृष्ठ { $page } / { $pages }
browse-feed = नई याचिकाएँ फ़ीड के रूप में (Atom)
feed-title = हस्ताक्षर पर नई याचिकाएँ

# मानचित्र, JavaScript से ज़ूम।
map-zoom-in = पास से देखें
map-zoom-out = दूर से देखें
map-zoom-reset = पूरा दिखाएँ
