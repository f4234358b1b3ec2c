## साझेदार संगठनों के सिस्टम के लिए API टोकन (/osdi/v1)।

staff-nav-tokens = API टोकन
tokens-title = साझेदार संगठनों के लिए API टोकन
tokens-lede = टोकन से किसी साझेदार संगठन का सिस्टम (Action Network, CiviCRM) अपने स्रोत कोड से आए हस्ताक्षर पढ़ सकता है, और ऐसे हस्ताक्षर दर्ज कर सकता है जो हस्ताक्षरकर्ता के ईमेल से पुष्टि करने पर गिने जाते हैं। नाम केवल वहीं दिए जाते हैं जहाँ हस्ताक्षरकर्ता ने उसे दिखाने की सहमति दी; ईमेल पते कभी नहीं।
tokens-issued = यह टोकन अभी कॉपी करें और संगठन को सुरक्षित रूप से दें। यह दोबारा नहीं दिखेगा।
tokens-none = अभी कोई टोकन जारी नहीं हुआ है।
tokens-name = नाम
tokens-name-hint = यह किसके लिए है, जैसे "बिहार नेटवर्क का CiviCRM"।
tokens-source = स्रोत कोड
tokens-source-hint = संगठन के लिंक में उसका कोड (?source=bihar-network): छोटे अंग्रेज़ी अक्षर, अंक, - और _।
tokens-issued-on = जारी
tokens-last-used = आख़िरी इस्तेमाल
tokens-state = उपयोग में
tokens-revoked-on = { $date } को रद्द
tokens-revoke = रद्द करें
tokens-new = टोकन जारी करें
tokens-issue = टोकन जारी करें
error-token-source = छोटे अंग्रेज़ी अक्षरों, अंकों, - और _ का कोड दें, अधिकतम 40
done-token-revoked = टोकन रद्द हो गया: अब इससे API नहीं खुलता।
