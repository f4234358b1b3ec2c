## /privacy/contact: writing to the grievance officer.
privreq-title = আমাদের অভিযোগ আধিকারিককে লিখুন
privreq-intro = আপনার তথ্যের একটি প্রতিলিপি, তথ্য সংশোধন বা মুছে ফেলার অনুরোধ করুন, আপনার হয়ে কাজ করার জন্য কাউকে মনোনীত করুন, অথবা আমরা আপনার তথ্য যেভাবে ব্যবহার করেছি সে বিষয়ে অভিযোগ জানান। আমরা 90 দিনের মধ্যে উত্তর দিই। নিজের স্বাক্ষরের ক্ষেত্রে সবচেয়ে দ্রুত উপায় হল আমাদের যেকোনো ইমেলে থাকা "আমার স্বাক্ষর পরিচালনা করুন" লিংক।
privreq-kind = বিষয়
privreq-kind-access = আমার তথ্যের একটি প্রতিলিপি
privreq-kind-correction = আমার তথ্য সংশোধন
privreq-kind-erasure = আমার তথ্য মুছে ফেলা
privreq-kind-grievance = একটি অভিযোগ
privreq-kind-nominee = আমার হয়ে কাজ করার জন্য কাউকে মনোনীত করা
privreq-kind-other = অন্য কিছু
privreq-name = আপনার নাম
privreq-email = ইমেল ঠিকানা
privreq-email-hint = আমরা এই ঠিকানায় উত্তর দেব। বিষয়টি কোনো স্বাক্ষর নিয়ে হলে, যে ঠিকানা দিয়ে স্বাক্ষর করেছিলেন সেটিই লিখুন।
privreq-message = আপনার অনুরোধ
privreq-send = আমার অনুরোধ পাঠান
privreq-received-title = আমরা আপনার অনুরোধ পেয়েছি
privreq-received-body = আপনার রেফারেন্স নম্বর { $reference }। আমরা সর্বশেষ { $due } তারিখের মধ্যে ইমেলে উত্তর দেব; এর একটি প্রতিলিপি আমরা আপনাকে পাঠিয়েছি।

## /admin/privacy: answering.
privreq-staff-title = গোপনীয়তা-সংক্রান্ত অনুরোধ
privreq-requests-heading = অভিযোগ আধিকারিকের কাছে আসা অনুরোধ
privreq-none = এখনও কোনো অনুরোধ আসেনি।
privreq-received = প্রাপ্তির তারিখ
privreq-due = উত্তরের শেষ তারিখ
privreq-days-left = { $days ->
    [one] আর { $days } দিন বাকি
   *[other] আর { $days } দিন বাকি
}
privreq-overdue = { $days ->
    [one] { $days } দিন পেরিয়ে গেছে
   *[other] { $days } দিন পেরিয়ে গেছে
}
privreq-status = অবস্থা
privreq-status-open = খোলা
privreq-status-answered = উত্তর দেওয়া হয়েছে
privreq-status-closed = বন্ধ
privreq-answer = উত্তর
privreq-answer-hint = অবস্থা আর "খোলা" না থাকলে অনুরোধকারীকে ইমেলে পাঠানো হয়।
privreq-save = সংরক্ষণ করুন
privreq-saved = সংরক্ষিত হয়েছে; উত্তরটি অনুরোধকারীর কাছে পাঠানো হচ্ছে।
privreq-lookup-heading = একটি ঠিকানার কী কী তথ্য আমাদের কাছে আছে
privreq-lookup-intro = প্রতিটি খোঁজ অডিট লগে লেখা থাকে (ঠিকানাটি নয়)।
privreq-lookup-button = খুঁজুন
privreq-lookup-nothing = এই ঠিকানার কোনো তথ্য আমাদের কাছে নেই।
privreq-lookup-signatures = এই ঠিকানার স্বাক্ষর
privreq-lookup-emails = { $count ->
    [one] এই ঠিকানায় পাঠানো { $count }টি ইমেলের রেকর্ড আছে (শুধু ধরন ও তারিখ)।
   *[other] এই ঠিকানায় পাঠানো { $count }টি ইমেলের রেকর্ড আছে (শুধু ধরন ও তারিখ)।
}

## Emails.
email-privreq-received-subject = আমরা আপনার অনুরোধ পেয়েছি (রেফারেন্স { $reference })
email-privreq-received-body = আমাদের অভিযোগ আধিকারিক আপনার অনুরোধ পেয়েছেন, রেফারেন্স { $reference }। আমরা সর্বশেষ { $due } তারিখের মধ্যে উত্তর দেব।
email-privreq-answer-subject = আপনার অনুরোধের উত্তর (রেফারেন্স { $reference })
email-privreq-answer-intro = আপনার অনুরোধ, রেফারেন্স { $reference }, সম্পর্কে আমাদের অভিযোগ আধিকারিকের উত্তর নিচে দেওয়া হল:

## A campaigner's own data.
account-data-heading = আপনার অ্যাকাউন্টের তথ্য
account-data-body = আপনার অ্যাকাউন্টে থাকা সবকিছু ডাউনলোড করুন: আপনার নাম, ইমেল ঠিকানা, এবং আপনার শুরু করা প্রতিটি পিটিশন তার লেখাসহ।
account-data-button = আমার অ্যাকাউন্টের তথ্য ডাউনলোড করুন
account-delete-intro = অ্যাকাউন্ট মুছে ফেললে আপনার নাম, ইমেল ঠিকানা ও পাসওয়ার্ড মুছে যায়। আপনার পিটিশনগুলি তাদের স্বাক্ষরসহ থেকে যায়, তবে সেগুলির সঙ্গে কারও নাম জুড়ে থাকে না। নিশ্চিত করার জন্য আমরা আপনাকে একটি লিংক ইমেল করি।
account-delete-request = আমার অ্যাকাউন্ট মুছে ফেলুন…
account-delete-sent-title = আপনার ইমেল দেখুন
account-delete-sent-body = আমরা আপনার ইমেল ঠিকানায় একটি লিংক পাঠিয়েছি। সেই লিংক যে বোতামে নিয়ে যায়, এক ঘণ্টার মধ্যে সেটি টিপলে তবেই আপনার অ্যাকাউন্ট মুছে ফেলা হবে।
account-delete-title = আপনার অ্যাকাউন্ট মুছে ফেলুন
account-delete-body = আপনার নাম, ইমেল ঠিকানা ও পাসওয়ার্ড মুছে ফেলা হবে, এবং সব জায়গা থেকে আপনি লগ আউট হয়ে যাবেন। আপনার পিটিশনগুলি থেকে যাবে, তবে সেগুলির সঙ্গে কারও নাম জুড়ে থাকবে না। এটি আর ফেরানো যাবে না।
account-delete-button = আমার অ্যাকাউন্ট মুছে ফেলুন
account-deleted-title = আপনার অ্যাকাউন্ট মুছে ফেলা হয়েছে
account-deleted-body = আপনার নাম বা ইমেল ঠিকানা আর আমাদের কাছে নেই। আপনার পিটিশনগুলি আপনার নাম ছাড়াই থেকে গেছে।
email-account-delete-subject = নিশ্চিত করুন: আপনার অ্যাকাউন্ট মুছে ফেলা
email-account-delete-body = { $hours ->
    [one] আপনার অ্যাকাউন্টে লগ ইন করা কেউ অ্যাকাউন্টটি মুছে ফেলতে চেয়েছেন। নিশ্চিত করতে, { $hours } ঘণ্টার মধ্যে বোতামটি টিপুন। এটি আপনি না হলে, আপনার পাসওয়ার্ড বদলে নিন।
   *[other] আপনার অ্যাকাউন্টে লগ ইন করা কেউ অ্যাকাউন্টটি মুছে ফেলতে চেয়েছেন। নিশ্চিত করতে, { $hours } ঘণ্টার মধ্যে বোতামটি টিপুন। এটি আপনি না হলে, আপনার পাসওয়ার্ড বদলে নিন।
}
account-delete-keep = আমার অ্যাকাউন্ট রেখে দিন
privreq-col-name = নাম
privreq-col-message = অনুরোধ
privreq-col-language = লেখার ভাষা
privreq-col-consents = দেওয়া সম্মতি
