## जवाब, पड़ाव और सांसदों का रिकॉर्ड।

# स्टाफ़: जवाब दर्ज करना, और याचिका के पड़ाव।
responses-title = जवाब और पड़ाव
responses-back = डिलीवरी पर वापस जाएँ
responses-link = जवाब और पड़ाव
responses-recorded = दर्ज जवाब
responses-none = अभी कोई जवाब दर्ज नहीं है।
response-record-heading = जवाब दर्ज करें
response-record-note = जिन हस्ताक्षरकर्ताओं ने अपडेट माँगे हैं, उन्हें यह ईमेल से मिलेगा, जहाँ याचिका उनकी भाषा में है वहाँ उनकी भाषा में।
response-who = किसने जवाब दिया
response-who-choose = चुनें कि किसने जवाब दिया
response-who-recipients = इस याचिका के प्राप्तकर्ता
response-received = जवाब मिलने की तारीख़
response-received-hint = जैसा पत्र या ईमेल पर है: वर्ष-महीना-दिन, जैसे 2026-12-03।
response-stance = उन्होंने क्या कहा
response-stance-acknowledged = याचिका की प्राप्ति स्वीकार की
response-stance-supports = याचिका का समर्थन करते हैं
response-stance-opposes = याचिका का विरोध करते हैं
response-stance-no_reply = अभी कोई जवाब नहीं
response-lang = जवाब की भाषा
response-body = जवाब, उनके अपने शब्दों में
response-body-hint = उनके शब्द उद्धृत करें। जब तक जवाब न आया हो, यह ज़रूरी है।
response-document = पत्र (PDF, वैकल्पिक)
response-document-hint = अधिकतम { $mb } MB की PDF। यह जवाब के साथ प्रकाशित होगी।
response-record = दर्ज करें और हस्ताक्षरकर्ताओं को बताएँ
done-response-recorded = जवाब दर्ज हो गया है, और अपडेट माँगने वाले हस्ताक्षरकर्ताओं को यह मिलेगा।
response-update-title = { $who }: { $stance }
response-update-no-text = उन्होंने अभी जवाब नहीं दिया है। जवाब आने पर हम आपको बताएँगे।
error-response-who = चुनें कि किसने जवाब दिया: इस याचिका के प्राप्तकर्ताओं में से या लोकसभा सदस्यों में से
error-response-date = तारीख़ वर्ष-महीना-दिन (2026-12-03) के रूप में दें, भविष्य की नहीं
error-response-stance = चुनें कि उन्होंने क्या कहा
error-response-lang = जवाब की भाषा चुनें
error-response-document-type = पत्र PDF फ़ाइल होना चाहिए
error-response-document-size = पत्र अधिकतम 5 MB का हो सकता है
thresholds-heading = पड़ाव
thresholds-hint = याचिका के कुछ हस्ताक्षरों तक पहुँचने पर क्या होगा। ये उसके पन्ने पर समय-रेखा के रूप में दिखते हैं।
thresholds-none = अभी कोई पड़ाव नहीं।
threshold-signatures = हस्ताक्षरों की संख्या
threshold-text = तब क्या होगा, { $language } में
threshold-add = पड़ाव जोड़ें
threshold-remove = हटाएँ
done-threshold-saved = पड़ाव सहेज लिए गए हैं।
error-threshold-signatures = हस्ताक्षरों की पूर्ण संख्या दें, 1 से 10,00,00,000 तक

# याचिका का पन्ना: समय-रेखा और जवाब।
timeline-heading = अब तक क्या हुआ
timeline-opened = याचिका खुली
timeline-threshold = { $count ->
    [one] { $count } हस्ताक्षर
   *[other] { $count } हस्ताक्षर
} पर
timeline-reached = { $date } को पूरा हुआ
timeline-to-go = { $count ->
    [one] { $count } और हस्ताक्षर चाहिए
   *[other] { $count } और हस्ताक्षर चाहिए
}
responses-heading = जवाब
response-member = { $name }, { $constituency } से सांसद
response-document-link = पत्र पढ़ें (PDF, { $kb } KB)
responses-record-link = देखें किन सांसदों ने जवाब दिया

# सांसदों का रिकॉर्ड।
reps-title = सांसद: किसने जवाब दिया
reps-lede = हर सांसद को उनके अपने निर्वाचन क्षेत्र के लोगों के हस्ताक्षरों का पैक मिलता है। दिन उस दिन से गिने जाते हैं जब पैक पहुँचाया गया, सांसद के जवाब देने तक।
reps-state = राज्य
reps-all-states = सभी राज्य
reps-show = दिखाएँ
reps-member = सांसद
reps-constituency = निर्वाचन क्षेत्र
reps-party = दल
reps-delivered = पहुँचाई गई याचिकाएँ
reps-answered = जवाब दिए
reps-waiting = इंतज़ार
reps-days = { $n ->
    [one] { $n } दिन
   *[other] { $n } दिन
}
reps-nothing-delivered = अभी कुछ नहीं पहुँचाया गया
reps-vacant = रिक्त सीट
rep-back = सभी सांसद
rep-petitions = याचिकाएँ
rep-petition = याचिका
rep-signatures = { $constituency } से हस्ताक्षर
rep-delivered-on = पहुँचाई गई
rep-not-delivered = अभी नहीं पहुँचाई गई
rep-reply = जवाब
rep-no-reply = अभी कोई जवाब नहीं
rep-days = इंतज़ार के दिन
rep-none = अभी किसी याचिका पर इस निर्वाचन क्षेत्र से हस्ताक्षर नहीं हैं।
browse-responded = केवल वे याचिकाएँ जिनका किसी सांसद या मंत्रालय ने जवाब दिया
footer-representatives = सांसद: किसने जवाब दिया
