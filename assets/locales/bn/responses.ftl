## Responses, thresholds and the members' record (issue "Pressure where it counts").

# Staff: recording a response, and a petition's thresholds.
responses-title = উত্তর ও ধাপ
responses-back = পৌঁছে দেওয়ার পেজে ফিরে যান
responses-link = উত্তর ও ধাপ
responses-recorded = নথিভুক্ত উত্তর
responses-none = এখনও কোনো উত্তর নথিভুক্ত হয়নি।
response-record-heading = একটি উত্তর নথিভুক্ত করুন
response-record-note = যে স্বাক্ষরকারীরা আপডেট চেয়েছেন, তাঁরা এটি ইমেলে পান; পিটিশনটি তাঁদের ভাষায় থাকলে, তাঁদের ভাষাতেই।
response-who = কে উত্তর দিয়েছেন
response-who-choose = কে উত্তর দিয়েছেন, বেছে নিন
response-who-recipients = এই পিটিশনের প্রাপক
response-received = প্রাপ্তির তারিখ
response-received-hint = চিঠি বা ইমেলে যেমন আছে: বছর-মাস-দিন, যেমন 2026-12-03।
response-stance = তাঁরা কী বলেছেন
response-stance-acknowledged = পিটিশনের প্রাপ্তি স্বীকার করেছেন
response-stance-supports = পিটিশন সমর্থন করেন
response-stance-opposes = পিটিশনের বিরোধিতা করেন
response-stance-no_reply = এখনও কোনো উত্তর নেই
response-lang = উত্তরের ভাষা
response-body = উত্তর, তাঁদের নিজেদের কথায়
response-body-hint = তাঁদের কথা হুবহু উদ্ধৃত করুন। উত্তর এখনও না এসে থাকলে এটি লাগবে না, অন্যথায় আবশ্যক।
response-document = চিঠি (PDF, ঐচ্ছিক)
response-document-hint = সর্বাধিক { $mb } MB-এর একটি PDF। এটি উত্তরের সঙ্গে প্রকাশ করা হয়।
response-record = নথিভুক্ত করুন এবং স্বাক্ষরকারীদের জানান
done-response-recorded = উত্তর নথিভুক্ত হয়েছে, এবং যে স্বাক্ষরকারীরা আপডেট চেয়েছেন, তাঁরা এটি পাবেন।
response-update-title = { $who }: { $stance }
response-update-no-text = তাঁরা এখনও উত্তর দেননি। উত্তর দিলে আমরা আপনাকে জানাব।
error-response-who = কে উত্তর দিয়েছেন, তা বেছে নিন: এই পিটিশনের প্রাপকদের মধ্য থেকে, অথবা লোকসভার সদস্যদের মধ্য থেকে
error-response-date = তারিখটি বছর-মাস-দিন আকারে লিখুন (2026-12-03), ভবিষ্যতের কোনো তারিখ নয়
error-response-stance = তাঁরা কী বলেছেন, তা বেছে নিন
error-response-lang = উত্তরের ভাষা বেছে নিন
error-response-document-type = চিঠিটি একটি PDF ফাইল হতে হবে
error-response-document-size = চিঠিটি 5 MB বা তার চেয়ে ছোট হতে হবে
thresholds-heading = ধাপ
thresholds-hint = পিটিশন নির্দিষ্ট সংখ্যক স্বাক্ষরে পৌঁছোলে কী হবে। পিটিশনের পেজে এগুলি একটি সময়রেখা হিসেবে দেখানো হয়।
thresholds-none = এখনও কোনো ধাপ নেই।
threshold-signatures = স্বাক্ষরের সংখ্যা
threshold-text = তখন কী হবে, { $language } ভাষায়
threshold-add = ধাপটি যোগ করুন
threshold-remove = সরান
done-threshold-saved = ধাপগুলি সংরক্ষিত হয়েছে।
error-threshold-signatures = 1 থেকে 10,00,00,000-এর মধ্যে স্বাক্ষরের একটি পূর্ণ সংখ্যা লিখুন

# The petition page: its timeline and responses.
timeline-heading = এ পর্যন্ত কী হয়েছে
timeline-opened = পিটিশনটি খোলা হয়েছে
timeline-threshold = { $count ->
    [one] { $count } স্বাক্ষরে
   *[other] { $count } স্বাক্ষরে
}
timeline-reached = { $date } তারিখে পৌঁছেছে
timeline-to-go = { $count ->
    [one] আরও { $count } স্বাক্ষর দরকার
   *[other] আরও { $count } স্বাক্ষর দরকার
}
responses-heading = উত্তর
response-member = { $name }, { $constituency } কেন্দ্রের সাংসদ
response-document-link = চিঠিটি পড়ুন (PDF, { $kb } KB)
responses-record-link = কোন কোন সাংসদ উত্তর দিয়েছেন, দেখুন

# The members' record.
reps-title = সাংসদ: কে উত্তর দিয়েছেন
reps-lede = প্রত্যেক সাংসদ তাঁর নিজের কেন্দ্রের মানুষের স্বাক্ষরসহ একটি প্যাক পান। প্যাকটি পৌঁছে দেওয়ার দিন থেকে সাংসদের উত্তর দেওয়া পর্যন্ত দিন গোনা হয়।
reps-state = রাজ্য
reps-all-states = সব রাজ্য
reps-show = দেখান
reps-member = সাংসদ
reps-constituency = কেন্দ্র
reps-party = দল
reps-delivered = পৌঁছে দেওয়া পিটিশন
reps-answered = উত্তর দিয়েছেন
reps-waiting = অপেক্ষায়
reps-days = { $n ->
    [one] { $n } দিন
   *[other] { $n } দিন
}
reps-nothing-delivered = এখনও কিছু পৌঁছে দেওয়া হয়নি
reps-vacant = শূন্য আসন
rep-back = সব সাংসদ
rep-petitions = পিটিশন
rep-petition = পিটিশন
rep-signatures = { $constituency } কেন্দ্র থেকে স্বাক্ষর
rep-delivered-on = পৌঁছে দেওয়া হয়েছে
rep-not-delivered = এখনও পৌঁছে দেওয়া হয়নি
rep-reply = উত্তর
rep-no-reply = এখনও কোনো উত্তর নেই
rep-days = অপেক্ষার দিন
rep-none = এখনও কোনো পিটিশনে এই কেন্দ্র থেকে স্বাক্ষর নেই।
browse-responded = শুধু সেই পিটিশন, যেগুলির কোনো সাংসদ বা মন্ত্রক উত্তর দিয়েছেন
footer-representatives = সাংসদ: কে উত্তর দিয়েছেন
