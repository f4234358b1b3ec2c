## /privacy/contact: writing to the grievance officer.
privreq-title = हमारे शिकायत अधिकारी को लिखें
privreq-intro = अपने डेटा की प्रति, उसमें सुधार या उसे मिटाने का अनुरोध करें, अपनी ओर से काम करने के लिए किसी को नामित करें, या हमने आपके डेटा को जैसे सँभाला उसकी शिकायत करें। हम 90 दिनों के भीतर जवाब देते हैं। अपने हस्ताक्षरों के लिए सबसे आसान तरीका हमारे किसी भी ईमेल में दिया "मेरे हस्ताक्षर का प्रबंधन" लिंक है।
privreq-kind = किस बारे में है
privreq-kind-access = मेरे डेटा की प्रति
privreq-kind-correction = मेरे डेटा में सुधार
privreq-kind-erasure = मेरा डेटा मिटाना
privreq-kind-grievance = शिकायत
privreq-kind-nominee = मेरी ओर से काम करने के लिए किसी को नामित करना
privreq-kind-other = कुछ और
privreq-name = आपका नाम
privreq-email = ईमेल पता
privreq-email-hint = हम इसी पते पर जवाब देंगे। अगर बात किसी हस्ताक्षर की है, तो वही पता लिखें जिससे आपने हस्ताक्षर किया था।
privreq-message = आपका अनुरोध
privreq-send = मेरा अनुरोध भेजें
privreq-received-title = हमें आपका अनुरोध मिल गया है
privreq-received-body = आपकी संदर्भ संख्या { $reference } है। हम ज़्यादा से ज़्यादा { $due } तक ईमेल से जवाब देंगे; इसकी एक प्रति हमने आपको भेज दी है।

## /admin/privacy: answering.
privreq-staff-title = गोपनीयता अनुरोध
privreq-requests-heading = शिकायत अधिकारी को भेजे गए अनुरोध
privreq-none = अभी तक कोई अनुरोध नहीं।
privreq-received = प्राप्ति
privreq-due = जवाब की अंतिम तिथि
privreq-days-left = { $days } दिन बाकी
privreq-overdue = { $days } दिन की देरी
privreq-status = स्थिति
privreq-status-open = खुला
privreq-status-answered = जवाब दिया गया
privreq-status-closed = बंद
privreq-answer = जवाब
privreq-answer-hint = स्थिति "खुला" न रहने पर अनुरोध करने वाले को ईमेल से भेजा जाता है।
privreq-save = सहेजें
privreq-saved = सहेज लिया गया; जवाब अनुरोध करने वाले को भेजा जा रहा है।
privreq-lookup-heading = किसी एक पते के बारे में हमारे पास क्या है
privreq-lookup-intro = हर खोज ऑडिट लॉग में दर्ज होती है (पता नहीं)।
privreq-lookup-button = खोजें
privreq-lookup-nothing = इस पते के बारे में हमारे पास कुछ नहीं है।
privreq-lookup-signatures = इसके हस्ताक्षर
privreq-lookup-emails = इस पते पर भेजे गए { $count } ईमेल दर्ज हैं (सिर्फ़ प्रकार और तारीख़)।

## Emails.
email-privreq-received-subject = हमें आपका अनुरोध मिल गया है (संदर्भ { $reference })
email-privreq-received-body = हमारे शिकायत अधिकारी को आपका अनुरोध, संदर्भ { $reference }, मिल गया है। हम ज़्यादा से ज़्यादा { $due } तक जवाब देंगे।
email-privreq-answer-subject = आपके अनुरोध का हमारा जवाब (संदर्भ { $reference })
email-privreq-answer-intro = आपके अनुरोध, संदर्भ { $reference }, पर हमारे शिकायत अधिकारी का जवाब यह है:

## A campaigner's own data.
account-data-heading = आपके खाते का डेटा
account-data-body = आपके खाते में रखी हर जानकारी डाउनलोड करें: आपका नाम, ईमेल पता, और आपकी शुरू की हर याचिका उसके पाठ के साथ।
account-data-button = मेरे खाते का डेटा डाउनलोड करें
account-delete-intro = खाता हटाने से आपका नाम, ईमेल पता और पासवर्ड मिट जाते हैं। आपकी याचिकाएँ अपने हस्ताक्षरों के साथ बनी रहती हैं, पर किसी के नाम से नहीं। पुष्टि के लिए हम आपको एक लिंक ईमेल करेंगे।
account-delete-request = मेरा खाता हटाएँ…
account-delete-sent-title = अपना ईमेल देखें
account-delete-sent-body = हमने आपके ईमेल पते पर एक लिंक भेजा है। आपका खाता तभी हटेगा जब आप एक घंटे के भीतर उस लिंक के बटन को दबाएँगे।
account-delete-title = अपना खाता हटाएँ
account-delete-body = आपका नाम, ईमेल पता और पासवर्ड मिटा दिए जाएँगे, और आप हर जगह से लॉग आउट हो जाएँगे। आपकी याचिकाएँ बनी रहेंगी, पर किसी के नाम से नहीं। यह फिर से वापस नहीं हो सकता।
account-delete-button = मेरा खाता हटाएँ
account-deleted-title = आपका खाता हटा दिया गया है
account-deleted-body = अब हमारे पास आपका नाम या ईमेल पता नहीं है। आपकी याचिकाएँ आपके नाम के बिना बनी हुई हैं।
email-account-delete-subject = पुष्टि करें: अपना खाता हटाएँ
email-account-delete-body = आपके खाते में लॉग इन किसी व्यक्ति ने इसे हटाने को कहा है। पुष्टि के लिए { $hours } घंटे के भीतर बटन दबाएँ। अगर यह आप नहीं थे, तो अपना पासवर्ड बदल दें।
account-delete-keep = मेरा खाता बना रहने दें
privreq-col-name = नाम
privreq-col-message = अनुरोध
privreq-col-language = किस भाषा में लिखा
privreq-col-consents = दी गई सहमतियाँ
