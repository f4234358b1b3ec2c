site-name = হস্তাক্ষর
skip-to-content = সরাসরি মূল বিষয়বস্তুতে যান
language = ভাষা
footer-privacy = আপনার ইমেল ঠিকানা আমরা শুধু আপনার স্বাক্ষর নিশ্চিত করতে, আর আপনি চাইলে আপডেট পাঠাতে ব্যবহার করি। আপনার নাম কেবল আপনি রাজি থাকলেই দেখানো বা পৌঁছে দেওয়া হয়।
footer-api = উন্মুক্ত ডেটা: পিটিশন ও গণনা JSON আকারে

home-heading = পিটিশন
home-lede = আপনার নাম যোগ করুন। ইমেলে নিশ্চিত করুন। প্রতিটি নিশ্চিত স্বাক্ষর রাজ্য ও লোকসভা কেন্দ্র অনুযায়ী গোনা হয় এবং যাঁরা পদক্ষেপ নিতে পারেন, তাঁদের কাছে পৌঁছে দেওয়া হয়।
home-empty = এই মুহূর্তে কোনো পিটিশন খোলা নেই।
signatures-of-goal = { $count ->
    [one] স্বাক্ষর
   *[other] স্বাক্ষর
}, লক্ষ্য { $goal }
progress-label = পরের ধাপের দিকে অগ্রগতি: { $milestone }
milestone-more = { $milestone } ছুঁতে আরও { $more } স্বাক্ষর দরকার
milestone-goal-reached = লক্ষ্য পূরণ হয়েছে। স্বাক্ষর করতে আর শেয়ার করতে থাকুন: প্রতিটি নাম দাবির জোর বাড়ায়।
signatures = স্বাক্ষর
state = রাজ্য

petition-asks = আমাদের দাবি
petition-to = প্রাপক
petition-why = কেন এটা জরুরি
petition-closed = এই পিটিশন বন্ধ হয়ে গেছে, এতে আর স্বাক্ষর নেওয়া হয় না।
by-state-heading = স্বাক্ষর কোথা থেকে আসছে
recent-heading = সাম্প্রতিক স্বাক্ষর
all-figures = প্রতিটি রাজ্য ও কেন্দ্রের পরিসংখ্যান (JSON)

sign-heading = এই পিটিশনে স্বাক্ষর করুন
error-summary = আপনার স্বাক্ষরে একটি সমস্যা আছে
error-title-prefix = ত্রুটি
field-name = আপনার নাম
field-email = ইমেল ঠিকানা
field-pin-code = পিন কোড
field-state = রাজ্য বা কেন্দ্রশাসিত অঞ্চল
field-constituency = লোকসভা কেন্দ্র
field-h-captcha-response = মানব-যাচাই
hint-name = আপনি নাম দেখাতে রাজি হলে, যেভাবে দেখাতে চান সেভাবে লিখুন।
hint-email = আপনার স্বাক্ষর নিশ্চিত করার জন্য আমরা আপনাকে একটি লিংক পাঠাব।
hint-constituency = যেখানে সম্ভব, আপনার পিন কোড থেকে বেছে দেওয়া হয়েছে; ভুল হলে বদলে নিন।
lookup-button = আমার পিন কোড থেকে আমার রাজ্য ও কেন্দ্র খুঁজে দিন
choose-state = আপনার রাজ্য বেছে নিন
choose-constituency = আপনার কেন্দ্র বেছে নিন
consents-legend = আপনার পছন্দ (আপনি টিক না দিলে প্রতিটি বন্ধ থাকে)
consent-show-name = পিটিশনের পেজে আমার নাম দেখান
consent-deliver-name = পিটিশনের প্রাপকদের কাছে পাঠানো তালিকায় আমার নাম রাখুন
consent-updates = এই পিটিশন সম্পর্কে আমাকে ইমেলে আপডেট পাঠান
captcha-needs-js = মানব-যাচাইয়ের জন্য JavaScript দরকার। আপনি তা ব্যবহার করতে না পারলে, অনুগ্রহ করে প্রচারাভিযানকে লিখুন।
sign-button = পিটিশনে স্বাক্ষর করুন
sign-privacy = আপনার ইমেল ঠিকানা কখনও দেখানো হয় না, কাউকে দেওয়াও হয় না।

error-required = এটি পূরণ করা আবশ্যক।
error-too-long = এটি খুব লম্বা।
error-name-link = নামে কোনো লিংক বা ওয়েব ঠিকানা থাকতে পারে না।
error-name-formula = নাম =, +, - বা @ দিয়ে শুরু হতে পারে না।
error-name-control = আপনার নামে এমন কিছু অক্ষর আছে যা আমরা পড়তে পারছি না। অনুগ্রহ করে আবার লিখুন।
error-email = name@example.com-এর মতো একটি ইমেল ঠিকানা লিখুন।
error-pin-format = ছয় অঙ্কের একটি পিন কোড লিখুন, যেমন 110001।
error-pin-unknown = এই পিন কোডটি আমাদের জানা নেই। অনুগ্রহ করে মিলিয়ে দেখুন।
error-pin-state = এই পিন কোডটি আপনার বেছে নেওয়া রাজ্যের মধ্যে পড়ে না।
error-state = তালিকা থেকে একটি রাজ্য বা কেন্দ্রশাসিত অঞ্চল বেছে নিন।
error-constituency = তালিকা থেকে একটি কেন্দ্র বেছে নিন।
error-constituency-state = এই কেন্দ্রটি আপনার বেছে নেওয়া রাজ্যের মধ্যে পড়ে না।
error-captcha = অনুগ্রহ করে মানব-যাচাই সম্পূর্ণ করে আবার চেষ্টা করুন।

check-email-title = আপনার ইমেল দেখুন
check-email-body = আমরা আপনাকে একটি ইমেল পাঠিয়েছি। “{ $title }” পিটিশনে আপনার স্বাক্ষর নিশ্চিত করতে তার ভেতরের লিংকে ক্লিক করুন। নিশ্চিত করার পরেই আপনার স্বাক্ষর গোনা হবে।
check-email-spam = কয়েক মিনিটের মধ্যে ইমেলটি না এলে, আপনার স্প্যাম বা প্রোমোশনস ফোল্ডারে দেখুন।
check-email-support-body = আমরা আপনাকে একটি ইমেল পাঠিয়েছি। নতুন পিটিশনে আপনার সমর্থন নিশ্চিত করতে তার ভেতরের লিংকটি খুলুন। নিশ্চিত করার পরেই আপনার সমর্থন গোনা হবে।
support-with-moderators-title = এই পিটিশন এখন মডারেটরদের কাছে আছে
support-with-moderators-body = এর যতজন সমর্থক দরকার ছিল, তা পূরণ হয়েছে, এবং সবার জন্য খোলার আগে এটি যাচাই করা হচ্ছে। আপনি আগেই আপনার সমর্থন নিশ্চিত করে থাকলে, তা রাখা আছে এবং পিটিশন খুললে গোনা হবে। স্বাক্ষর করতে পরে এই লিংকেই আবার আসুন।
back-to-petition = পিটিশনে ফিরে যান
back-home = হোম পেজে যান

confirm-prompt-title = আপনার স্বাক্ষর নিশ্চিত করুন
confirm-prompt-body = “{ $title }” পিটিশনে আপনার স্বাক্ষর নিশ্চিত করতে বোতামটি টিপুন। টিপলেই আপনার স্বাক্ষর গোনা হবে।
confirm-prompt-button = আমার স্বাক্ষর নিশ্চিত করুন
confirmed-title = ধন্যবাদ: আপনার স্বাক্ষর নিশ্চিত হয়েছে
confirmed-body = “{ $title }” পিটিশনে আপনার স্বাক্ষর এখন গোনা হচ্ছে। একটি পিটিশনের কথা শোনাতে অনেক মানুষের কণ্ঠ দরকার: অনুগ্রহ করে এটি শেয়ার করুন।
confirm-expired-title = নিশ্চিত করার এই লিংকের মেয়াদ শেষ হয়ে গেছে
confirm-expired-body = স্বাক্ষর নিশ্চিত করার লিংক সীমিত সময় কাজ করে, আর এটি অনেক পুরোনো: আপনার স্বাক্ষর এখনও গোনা হয়নি। একটি নতুন লিংক চেয়ে নিন এবং তাড়াতাড়ি খুলুন।
confirm-expired-button = আমাকে নতুন লিংক পাঠান
new-link-sent = যে ঠিকানা দিয়ে আপনি স্বাক্ষর করেছিলেন, সেখানে আমরা নিশ্চিত করার একটি নতুন লিংক পাঠিয়েছি। আপনার স্বাক্ষর গোনাতে সেটি খুলুন।
not-counted-title = এই পিটিশনে আর স্বাক্ষর নেওয়া হয় না
not-counted-body = পিটিশনটি বন্ধ হয়ে গেছে বা সরিয়ে নেওয়া হয়েছে, তাই আপনার স্বাক্ষর গোনা যায়নি। আপনার সমর্থনের জন্য ধন্যবাদ।
already-confirmed-title = আপনার স্বাক্ষর আগেই গোনা হয়েছে
already-confirmed-body = “{ $title }” পিটিশনে আপনি আগেই আপনার স্বাক্ষর নিশ্চিত করেছেন। এটি একবারই গোনা হয়।

share-heading = এই পিটিশন শেয়ার করুন
share-message = আমি “{ $title }” পিটিশনে স্বাক্ষর করেছি। আপনিও করবেন?
share-email = ইমেল
share-copy-label = এই পিটিশনের লিংক
share-copy = লিংক কপি করুন
share-copied = কপি হয়েছে

retry-after = অনুগ্রহ করে { $minutes ->
    [one] { $minutes } মিনিট
   *[other] { $minutes } মিনিট
} পরে আবার চেষ্টা করুন।
error-400-title = আমরা অনুরোধটি পড়তে পারিনি
error-400-body = অনুগ্রহ করে আগের পেজে ফিরে আবার চেষ্টা করুন।
error-404-title = পেজটি পাওয়া যায়নি
error-404-body = আপনি যে পেজ বা লিংক খুলেছেন, তার অস্তিত্ব নেই। ঠিকানা নিজে টাইপ করে থাকলে, মিলিয়ে দেখুন। নিশ্চিত করার লিংক খুলে থাকলে, ইমেল থেকে পুরো লিংকটি কপি করুন।
error-410-title = এটি আর পাওয়া যায় না
error-410-body = আপনি যা খুঁজছেন, তা সরিয়ে ফেলা হয়েছে।
error-413-title = এটি খুব বড়
error-413-body = আপনি যা পাঠিয়েছেন, তা আমাদের গ্রহণযোগ্য মাপের চেয়ে বড়।
error-422-title = অনুগ্রহ করে আপনার লেখা তথ্য মিলিয়ে দেখুন
error-422-body = আপনার দেওয়া কিছু তথ্য গ্রহণ করা যায়নি।
error-429-title = অনেক বেশি চেষ্টা
error-429-body = অল্প সময়ের মধ্যে আপনার সংযোগ থেকে অনেক স্বাক্ষর এসেছে। এই ব্যবস্থা পিটিশনকে জাল স্বাক্ষর থেকে রক্ষা করে।
error-500-title = কিছু একটা গোলমাল হয়েছে
error-500-body = দুঃখিত, আমাদের দিকে কিছু গোলমাল হয়েছে। এতে আপনার কোনো দোষ নেই: অনুগ্রহ করে একটু পরে আবার চেষ্টা করুন।
error-503-title = পরিষেবা কিছুক্ষণের জন্য বন্ধ
error-503-body = এই মুহূর্তে আমরা আপনার স্বাক্ষর যাচাই করতে পারিনি। কিছুই সংরক্ষিত হয়নি। অনুগ্রহ করে এক মিনিট পরে আবার চেষ্টা করুন।

email-greeting = নমস্কার,
email-confirm-subject = আপনার স্বাক্ষর নিশ্চিত করুন: { $title }
email-confirm-intro = “{ $title }” পিটিশনে স্বাক্ষর করার জন্য ধন্যবাদ। অনুগ্রহ করে এই লিংকটি খুলে আপনার স্বাক্ষর নিশ্চিত করুন:
email-confirm-button = আমার স্বাক্ষর নিশ্চিত করুন
email-petition-link = পিটিশন:
email-link-fallback = বোতামটি কাজ না করলে, এই লিংকটি কপি করে আপনার ব্রাউজারে বসান:
email-confirm-only-then = নিশ্চিত করার পরেই আপনার স্বাক্ষর গোনা হবে।
email-not-you = আপনি এই পিটিশনে স্বাক্ষর না করে থাকলে, এই ইমেলটি উপেক্ষা করুন: কিছুই গোনা হবে না এবং এ বিষয়ে আমরা আপনাকে আর লিখব না।
email-already-not-you = এটি আপনি না হলে, কিছু করার দরকার নেই: কিছুই বদলায়নি, এবং স্বাক্ষরটি এখনও একবারই গোনা হচ্ছে।
email-already-subject = আপনি আগেই স্বাক্ষর করেছেন: { $title }
email-already-body = কেউ, সম্ভবত আপনিই, এই ইমেল ঠিকানা দিয়ে “{ $title }” পিটিশনে আবার স্বাক্ষর করার চেষ্টা করেছেন। আপনার স্বাক্ষর আগেই নিশ্চিত হয়েছে এবং একবার গোনা হয়েছে।
email-support-subject = একটি নতুন পিটিশনে আপনার সমর্থন নিশ্চিত করুন
email-support-intro = একটি নতুন পিটিশন সবার জন্য খোলার আগেই তাকে সমর্থন করার জন্য ধন্যবাদ। অনুগ্রহ করে নিচের বোতাম দিয়ে আপনার সমর্থন নিশ্চিত করুন; যে পেজটি খুলবে, তাতে পিটিশনটি দেখা যাবে।
email-support-button = আমার সমর্থন নিশ্চিত করুন
email-support-already-subject = আপনার সমর্থন আগেই গোনা হয়েছে
email-support-already-body = কেউ, সম্ভবত আপনিই, এই ইমেল ঠিকানা দিয়ে একটি নতুন পিটিশনকে আবার সমর্থন করার চেষ্টা করেছেন। আপনার সমর্থন আগেই নিশ্চিত হয়েছে এবং একবার গোনা হয়েছে।
email-share-prompt = পিটিশনটি শেয়ার করে আপনি সাহায্য করতে পারেন:
email-footer = হস্তাক্ষর: যাঁরা পদক্ষেপ নিতে পারেন, তাঁদের কাছে পৌঁছোনো পিটিশন।

## Accounts
error-403-title = অনুমতি নেই
error-403-body = এটি করার অনুমতি আপনার নেই। আপনার মনে হয় অনুমতি থাকা উচিত, তাহলে সঠিক অ্যাকাউন্ট দিয়ে লগ ইন করুন, অথবা ফর্মটি আবার লোড করে চেষ্টা করুন।
form-error-summary = একটি সমস্যা আছে
error-choose = দেওয়া বিকল্পগুলির মধ্যে একটি বেছে নিন।
error-control = এতে এমন কিছু অক্ষর আছে যা আমরা পড়তে পারছি না। অনুগ্রহ করে আবার লিখুন।
error-login = ইমেল ঠিকানা বা পাসওয়ার্ড সঠিক নয়।
error-login-unconfirmed = অনুগ্রহ করে আগে আপনার ইমেল ঠিকানা নিশ্চিত করুন: সাইন আপ করার সময় আমরা যে ইমেল পাঠিয়েছিলাম, তার লিংকটি খুলুন। সেটি খুঁজে না পেলে, নতুন পাসওয়ার্ড চেয়ে নিন: সেই ইমেলও আপনার ঠিকানা নিশ্চিত করে।
error-password-short = অন্তত 10টি অক্ষর ব্যবহার করুন। কয়েকটি শব্দ একসঙ্গে জুড়লে পাসওয়ার্ড মজবুত হয়।
error-password-email = আপনার পাসওয়ার্ড আপনার ইমেল ঠিকানা হতে পারে না।
error-recipients = অন্তত একজন প্রাপক বেছে নিন, অথবা কারও নাম লিখুন।
error-goal = স্বাক্ষরের একটি পূর্ণ সংখ্যা লিখুন, 1 বা তার বেশি।
error-date = 2027-03-31-এর মতো করে তারিখ লিখুন।
error-closes-range = আগামীকাল থেকে সর্বশেষ অনুমোদিত তারিখের মধ্যে একটি বন্ধের তারিখ বেছে নিন।
error-decision-state = পেজটি লোড হওয়ার পর থেকে এই পিটিশনের অবস্থা বদলে গেছে: কিছুই বদলানো হয়নি।
account-name = আপনার নাম
account-password = পাসওয়ার্ড
account-password-hint = অন্তত 10টি অক্ষর। কয়েকটি শব্দ একসঙ্গে জুড়লে পাসওয়ার্ড মজবুত হয়।
account-menu = আপনার অ্যাকাউন্ট
signup-title = অ্যাকাউন্ট তৈরি করুন
signup-lede = পিটিশন শুরু করুন, সমর্থক জোগাড় করুন এবং আপনার স্বাক্ষরকারীদের খবর জানাতে থাকুন।
signup-button = অ্যাকাউন্ট তৈরি করুন
signup-have-account = আগে থেকেই অ্যাকাউন্ট আছে?
login-title = লগ ইন
login-button = লগ ইন করুন
login-forgot = পাসওয়ার্ড ভুলে গেছেন?
login-no-account = এখানে নতুন?
logout-button = লগ আউট করুন
account-confirm-title = আপনার ইমেল ঠিকানা নিশ্চিত করুন
account-confirm-body = আপনার অ্যাকাউন্টের জন্য এই ঠিকানা নিশ্চিত করতে বোতামটি টিপুন; তারপর আপনি লগ ইন হয়ে যাবেন।
account-check-email-title = আপনার ইমেল দেখুন
account-check-email-body = আমরা আপনাকে একটি ইমেল পাঠিয়েছি। আপনার ঠিকানা নিশ্চিত করে এগিয়ে যেতে তার ভেতরের লিংকটি খুলুন।
link-expired-title = এই লিংকের মেয়াদ শেষ হয়ে গেছে
link-expired-body = লিংকটি আগেই ব্যবহার করা হয়েছে অথবা অনেক পুরোনো। একটি নতুন লিংক চেয়ে নিন এবং তাতে বলা সময়ের মধ্যে ব্যবহার করুন।
reset-title = আপনার পাসওয়ার্ড রিসেট করুন
reset-lede = আপনার অ্যাকাউন্টের ইমেল ঠিকানা লিখুন, নতুন পাসওয়ার্ড বেছে নেওয়ার জন্য আমরা আপনাকে একটি লিংক পাঠাব।
reset-button = লিংক পাঠান
reset-sent-title = আপনার ইমেল দেখুন
reset-sent-body = ওই ঠিকানায় কোনো অ্যাকাউন্ট থাকলে, নতুন পাসওয়ার্ড বেছে নেওয়ার একটি লিংক আমরা সেখানে পাঠিয়েছি। লিংকটি এক ঘণ্টা কাজ করবে।
new-password-title = নতুন পাসওয়ার্ড বেছে নিন
new-password-button = পাসওয়ার্ড সংরক্ষণ করুন
start-petition = পিটিশন শুরু করুন

## Starting a petition
new-petition-title = পিটিশন শুরু করুন
edit-petition = পিটিশন সম্পাদনা করুন
petition-field-lang = পিটিশনের ভাষা
petition-field-title = শিরোনাম
petition-field-action = কী দাবি করা হচ্ছে
petition-field-background = কেন এটা জরুরি
petition-field-title-tr = শিরোনাম (অনুবাদ)
petition-field-action-tr = কী দাবি করা হচ্ছে (অনুবাদ)
petition-field-background-tr = কেন এটা জরুরি (অনুবাদ)
petition-field-recipients = কাকে উদ্দেশ করে লেখা
petition-field-other-recipients = অন্য কেউ
petition-field-goal = স্বাক্ষরের লক্ষ্য
petition-field-closes-on = বন্ধের তারিখ
hint-at-most = { $n ->
    [one] সর্বাধিক { $n }টি অক্ষর।
   *[other] সর্বাধিক { $n }টি অক্ষর।
}
hint-markdown = সর্বাধিক 3,000টি অক্ষর। আপনি **বোল্ড**, *ইটালিক*, [লিংক](https://example.org), "- " দিয়ে শুরু হওয়া তালিকা এবং "## " দিয়ে শুরু হওয়া শিরোনাম ব্যবহার করতে পারেন।
hint-other-recipients = ঐচ্ছিক: তালিকায় নেই এমন কোনো ব্যক্তি বা সংস্থা, যেমন কোনো রাজ্য সরকার।
hint-goal = আপনি কতগুলি স্বাক্ষরের লক্ষ্য রাখছেন।
hint-closes-on = এই দিনের শেষে পিটিশনটি বন্ধ হবে। সর্বশেষ অনুমোদিত তারিখ { $date }।
hint-translation = ঐচ্ছিক: অন্য ভাষায় পিটিশনটি, যাতে আরও বেশি মানুষ পড়তে পারেন।
petition-translation = অনুবাদ (ঐচ্ছিক)
petition-preview = প্রিভিউ
petition-preview-button = প্রিভিউ দেখুন
petition-save-button = খসড়া সংরক্ষণ করুন
similar-heading = একই ধরনের খোলা পিটিশন: এর বদলে আপনি এগুলির কোনোটিতে স্বাক্ষর করতে পারেন
petition-goal = লক্ষ্য
petition-closes = বন্ধ হবে

## The creator's dashboard
dashboard-title = আপনার পিটিশন
dashboard-petitions = পিটিশন
dashboard-empty = আপনি এখনও কোনো পিটিশন শুরু করেননি।
dashboard-confirm-email = আমাদের পাঠানো লিংক দিয়ে অনুগ্রহ করে আপনার ইমেল ঠিকানা নিশ্চিত করুন: তার পরেই কোনো পিটিশন সমর্থক জোগাড় করতে পারবে।
dashboard-back = আপনার পিটিশনগুলিতে ফিরে যান
dashboard-col-petition = পিটিশন
dashboard-col-status = অবস্থা
dashboard-col-confirmed = নিশ্চিত স্বাক্ষর
dashboard-col-unconfirmed = এখনও নিশ্চিত হয়নি
dashboard-undeliverable = পৌঁছোয়নি (ফেরত এসেছে বা স্প্যাম বলে চিহ্নিত)
confirmation-rate-reachable = নিশ্চিত, যাঁদের কাছে ইমেল পৌঁছেছে তাঁদের মধ্যে
figures-heading = পরিসংখ্যান
chart-per-day = দিনপ্রতি নিশ্চিত স্বাক্ষর
status-draft = খসড়া
status-gathering = সমর্থক জোগাড় চলছে
status-pending = মডারেশনের অপেক্ষায়
status-changes = পরিবর্তন চাওয়া হয়েছে
status-open = খোলা
status-closed = বন্ধ
status-hidden = লুকোনো
status-rejected = প্রত্যাখ্যাত
status-update-pending = অনুমোদনের অপেক্ষায়
status-update-approved = প্রকাশিত
status-update-rejected = অনুমোদিত হয়নি
submit-for-support = সমর্থন চান
resubmit = মডারেটরদের কাছে আবার পাঠান
submit-hint = { $count ->
    [one] { $count } জন মানুষ
   *[other] { $count } জন মানুষ
} এর শেয়ার-লিংক দিয়ে তাঁদের সমর্থন নিশ্চিত করলেই আপনার পিটিশন মডারেশনে যাবে।
gathering-progress = প্রয়োজনীয় { $needed ->
    [one] { $needed } জন সমর্থকের
   *[other] { $needed } জন সমর্থকের
} মধ্যে { $count ->
    [one] { $count } জন
   *[other] { $count } জন
} নিশ্চিত করেছেন। যাঁরা এটিকে সমর্থন করবেন, তাঁদের সঙ্গে নিচের লিংকটি শেয়ার করুন।
gathering-notice = এই পিটিশন তার প্রথম সমর্থকদের জোগাড় করছে। যথেষ্ট মানুষ স্বাক্ষর করলে, প্রকাশের আগে আমাদের মডারেটররা এটি যাচাই করবেন।
pending-explained = আমাদের মডারেটররা আপনার পিটিশন পর্যালোচনা করছেন। তাঁরা সিদ্ধান্ত নিলে আমরা আপনাকে ইমেল করব।
changes-requested = মডারেটররা এই পরিবর্তনগুলি চেয়েছেন:
rejected-explained = মডারেটররা এই পিটিশন প্রকাশ করেননি। কারণ:
notice-saved = সংরক্ষিত হয়েছে।
notice-email-confirmed = আপনার ইমেল ঠিকানা নিশ্চিত হয়েছে।
notice-gathering = আপনার পিটিশন তার প্রথম সমর্থকদের জন্য তৈরি: এর লিংক শেয়ার করুন।
notice-pending = মডারেটরদের কাছে পাঠানো হয়েছে।
notice-confirm-first = অনুগ্রহ করে আগে আমাদের পাঠানো লিংক দিয়ে আপনার ইমেল ঠিকানা নিশ্চিত করুন।
notice-not-allowed = বর্তমান অবস্থায় এই পিটিশন আর এগিয়ে পাঠানো যাবে না।
petition-closed-final = এই পিটিশন বন্ধ হয়ে গেছে। এতে { $count ->
    [one] { $count } স্বাক্ষর
   *[other] { $count } স্বাক্ষর
} জমা পড়েছে।

## Updates
updates-heading = আপডেট
write-update = স্বাক্ষরকারীদের জন্য একটি আপডেট লিখুন
update-new-title = “{ $title }” সম্পর্কে একটি আপডেট
update-explained = প্রতিটি আপডেট একজন মডারেটর অনুমোদন করার পরেই তা পিটিশনে প্রকাশিত হয় এবং যে স্বাক্ষরকারীরা খবর পেতে চেয়েছেন, তাঁদের ইমেলে পাঠানো হয়।
update-field-title = শিরোনাম
update-field-body = আপডেট
update-send-button = অনুমোদনের জন্য পাঠান
update-emailed = { $count } জনকে ইমেল করা হয়েছে
unsubscribe-title = এই পিটিশনের আপডেট বন্ধ করবেন?
unsubscribe-body = এই পিটিশন সম্পর্কে আপনি আর কোনো আপডেট পাবেন না। আপনার স্বাক্ষর তবুও গোনা হবে।
unsubscribe-button = আপডেট বন্ধ করুন
unsubscribed-title = আপনার আপডেট বন্ধ করা হয়েছে
unsubscribed-body = এই পিটিশন সম্পর্কে আপনি আর কোনো আপডেট পাবেন না। আপনার স্বাক্ষর তবুও গোনা হবে।

## Moderation
moderation-title = মডারেশন
moderation-back = মডারেশনের সারিতে ফিরে যান
queue-heading = অপেক্ষমাণ পিটিশন: { $count }
queue-empty = কিছুই অপেক্ষায় নেই।
queue-col-waiting = কতক্ষণ অপেক্ষায়
queue-col-supporters = সমর্থক
age-hours = { $n } ঘণ্টা
age-days = { $n ->
    [one] { $n } দিন
   *[other] { $n } দিন
}
waiting-for = { $age } ধরে অপেক্ষায়
updates-queue-heading = অপেক্ষমাণ আপডেট: { $count }
approve-update = অনুমোদন করে পাঠান
reject-update = প্রকাশ করবেন না
review-title = পর্যালোচনা: { $title }
decision-heading = সিদ্ধান্ত
review-own-petition = এই পিটিশন আপনি শুরু করেছেন, তাই এ বিষয়ে অন্য একজন মডারেটরকে সিদ্ধান্ত নিতে হবে।
decision-action = সিদ্ধান্ত
decision-approve = অনুমোদন: পিটিশন প্রকাশ করুন
decision-changes = পরিবর্তনের জন্য ফেরত পাঠান
decision-reject = প্রত্যাখ্যান করুন
decision-hide = জনসাধারণের কাছ থেকে লুকিয়ে রাখুন
decision-reason = প্রত্যাখ্যানের কারণ
decision-reason-hint = প্রত্যাখ্যান করতে হলে আবশ্যক।
decision-message = উদ্যোক্তার জন্য বার্তা
decision-message-hint = অনুমোদন না করলে আবশ্যক। উদ্যোক্তা এটি ইমেলে পান।
decision-button = সিদ্ধান্ত নথিভুক্ত করুন
choose-reason = একটি কারণ বেছে নিন
reason-duplicate = এটি ইতিমধ্যে খোলা একটি পিটিশনের পুনরাবৃত্তি
reason-not-actionable = এটি এমন বিষয় নয় যাতে প্রাপকেরা পদক্ষেপ নিতে পারেন
reason-offensive = এটি আপত্তিকর
reason-private-person = এতে জনপরিচিত নন এমন কোনো ব্যক্তির নাম আছে বা এটি তাঁর ক্ষতি করে
reason-other = অন্য কারণ
users-title = অ্যাকাউন্ট
users-search = ইমেলে রয়েছে
users-col-role = ভূমিকা
users-change = বদলান
search-button = খুঁজুন
role-campaigner = প্রচারক
role-moderator = মডারেটর
role-admin = অ্যাডমিন
audit-title = অডিট লগ
audit-details = বিস্তারিত
audit-older = পুরোনো এন্ট্রি

## Emails about accounts and petitions
email-hello-name = নমস্কার { $name },
email-account-confirm-subject = আপনার ইমেল ঠিকানা নিশ্চিত করুন
email-account-confirm-body = অ্যাকাউন্ট তৈরি করার জন্য ধন্যবাদ। অনুগ্রহ করে আপনার ইমেল ঠিকানা নিশ্চিত করুন:
email-account-confirm-button = আমার ঠিকানা নিশ্চিত করুন
email-account-not-you = এটি আপনি না করে থাকলে, এই ইমেলটি উপেক্ষা করুন: লিংক না খুললে কিছুই হবে না।
email-account-exists-subject = কেউ আপনার ঠিকানা দিয়ে অ্যাকাউন্ট তৈরির চেষ্টা করেছেন
email-account-exists-body = কেউ, হয়তো আপনিই, এই ইমেল ঠিকানা দিয়ে অ্যাকাউন্ট তৈরির চেষ্টা করেছেন। আপনার আগে থেকেই একটি অ্যাকাউন্ট আছে।
email-account-exists-login = লগ ইন করতে:
email-account-exists-reset = পাসওয়ার্ড ভুলে গিয়ে থাকলে:
email-reset-subject = নতুন পাসওয়ার্ড বেছে নিন
email-reset-body = নতুন পাসওয়ার্ড বেছে নিতে এই লিংকটি খুলুন। এটি একবারই কাজ করবে, { $hours ->
    [one] { $hours } ঘণ্টার
   *[other] { $hours } ঘণ্টার
} মধ্যে।
email-reset-button = নতুন পাসওয়ার্ড বেছে নিন
email-reset-not-you = আপনি এটি না চেয়ে থাকলে, এই ইমেলটি উপেক্ষা করুন: আপনার পাসওয়ার্ড যেমন আছে তেমনই থাকবে।
email-moderator-note = মডারেটরদের একটি বার্তা:
email-open-petition = আপনার পিটিশন:
email-supported-subject = “{ $title }” এখন মডারেটরদের কাছে
email-supported-body = যথেষ্ট মানুষ “{ $title }” পিটিশনে তাঁদের সমর্থন নিশ্চিত করেছেন। আমাদের মডারেটররা এখন এটি পর্যালোচনা করছেন, এবং তাঁরা সিদ্ধান্ত নিলে আমরা আপনাকে ইমেল করব।
email-approved-subject = “{ $title }” প্রকাশিত হয়েছে
email-approved-body = সুখবর: “{ $title }” অনুমোদিত হয়েছে এবং এখন স্বাক্ষরের জন্য খোলা। যত বেশি সম্ভব মানুষের সঙ্গে শেয়ার করুন।
email-rejected-subject = “{ $title }” প্রকাশ করা হয়নি
email-rejected-body = আমাদের মডারেটররা “{ $title }” প্রকাশ করেননি।
email-changes-subject = “{ $title }” পিটিশনে পরিবর্তন দরকার
email-changes-body = আমাদের মডারেটররা “{ $title }” পিটিশনে কিছু পরিবর্তন চেয়েছেন। আপনার ড্যাশবোর্ড থেকে এটি সম্পাদনা করে তাঁদের কাছে আবার পাঠান।
email-hidden-subject = “{ $title }” লুকিয়ে রাখা হয়েছে
email-hidden-body = আমাদের মডারেটররা “{ $title }” জনসাধারণের কাছ থেকে লুকিয়ে রেখেছেন।
email-half-subject = “{ $title }” লক্ষ্যের অর্ধেক পথ পেরিয়েছে
email-half-body = “{ $title }” পিটিশনে { $count ->
    [one] { $count } স্বাক্ষর
   *[other] { $count } স্বাক্ষর
} হয়েছে: লক্ষ্যের অর্ধেক। শেয়ার করতে থাকুন।
email-goal-subject = “{ $title }” লক্ষ্যে পৌঁছেছে
email-goal-body = “{ $title }” { $count ->
    [one] { $count } স্বাক্ষর
   *[other] { $count } স্বাক্ষর
} নিয়ে লক্ষ্যে পৌঁছেছে। ধন্যবাদ, এগিয়ে চলুন।
email-closed-subject = “{ $title }” বন্ধ হয়েছে
email-closed-body = “{ $title }” { $count ->
    [one] { $count } স্বাক্ষর
   *[other] { $count } স্বাক্ষর
} নিয়ে বন্ধ হয়েছে।
email-update-intro = আপনার স্বাক্ষর করা পিটিশন “{ $title }” সম্পর্কে একটি আপডেট:
email-unsubscribe = এই পিটিশনের আপডেট বন্ধ করতে, একটি ক্লিকই যথেষ্ট:

## Delivery packs
pack-letter-default =
    মাননীয় { "{" }member{ "}" },

    আমরা ভারতের নানা প্রান্তের { "{" }national_count{ "}" } জন মানুষ, যাঁরা “{ "{" }title{ "}" }” পিটিশনে স্বাক্ষর করেছি। আমাদের মধ্যে { "{" }count{ "}" } জন থাকেন আপনার নির্বাচনী কেন্দ্র { "{" }constituency{ "}" } এলাকায়, আর { "{" }state_count{ "}" } জন থাকেন { "{" }state{ "}" } জুড়ে।

    আমাদের দাবি: { "{" }action{ "}" }

    আমরা আপনাকে অনুরোধ করছি, সংসদে আমাদের দাবি তুলে ধরুন এবং আপনার ভোট দিয়ে তা সমর্থন করুন। এর পরে পিটিশনের সম্পূর্ণ লেখা দেওয়া হল, সঙ্গে আপনার কেন্দ্রের সেই স্বাক্ষরকারীদের নাম, যাঁরা চেয়েছেন তাঁদের নাম আপনার কাছে পৌঁছে দেওয়া হোক।

    শ্রদ্ধাসহ,
    “{ "{" }title{ "}" }” পিটিশনের স্বাক্ষরকারীরা
pack-member-of = সাংসদ, { $constituency }, { $state }
pack-member-vacant = মাননীয় সাংসদ
pack-member = সাংসদ
pack-from-constituency = { $constituency } কেন্দ্র থেকে স্বাক্ষরকারী
pack-from-state = { $state } থেকে স্বাক্ষরকারী
pack-national = সারা ভারতের স্বাক্ষরকারী
pack-ran = পিটিশন চলেছে
pack-ran-open = { $opened } থেকে, এখনও খোলা
pack-ran-closed = { $opened } থেকে { $closed } পর্যন্ত
pack-petition-asks = পিটিশনের দাবি
pack-petition-why = কেন
pack-names-heading = { $constituency } কেন্দ্রের যে স্বাক্ষরকারীরা তাঁদের নাম পৌঁছে দিতে বলেছেন: { $count }
pack-names-none = এই কেন্দ্রের কোনো স্বাক্ষরকারী তাঁদের নাম পৌঁছে দিতে বলেননি; ওপরের গণনায় তাঁরা ধরা আছেন।
pack-names-note = কেবল সেই স্বাক্ষরকারীদের নাম তালিকায় আছে, যাঁরা নাম পৌঁছে দিতে বলেছেন। প্রতিটি নিশ্চিত স্বাক্ষর পরিসংখ্যানে গোনা হয়েছে।
pack-ministry-intro = { $count ->
    [one] সারা ভারতের { $count } জন মানুষ
   *[other] সারা ভারতের { $count } জন মানুষ
} “{ $title }” পিটিশনে স্বাক্ষর করেছেন। তাঁদের স্বাক্ষর, প্রতিটি আলাদাভাবে ইমেলে নিশ্চিত করা, নিচে রাজ্য ও লোকসভা কেন্দ্র অনুযায়ী দেওয়া হল।
pack-states-with = স্বাক্ষরকারী আছেন এমন রাজ্য ও কেন্দ্রশাসিত অঞ্চল
pack-constituencies-with = স্বাক্ষরকারী আছেন এমন কেন্দ্র
pack-per-day = দিনপ্রতি নিশ্চিত স্বাক্ষর
pack-by-state = রাজ্য ও কেন্দ্রশাসিত অঞ্চল অনুযায়ী স্বাক্ষর
pack-by-constituency = লোকসভা কেন্দ্র অনুযায়ী স্বাক্ষর
email-pack-subject = পিটিশন “{ $title }”: { $count ->
    [one] { $count } স্বাক্ষর
   *[other] { $count } স্বাক্ষর
}
email-pack-greeting = মাননীয় { $name },
email-pack-body = অনুগ্রহ করে সংযুক্ত “{ $title }” পিটিশনটি দেখুন, যাতে { $count ->
    [one] { $count } জন মানুষ
   *[other] { $count } জন মানুষ
} স্বাক্ষর করেছেন; সঙ্গে রয়েছে আপনার জন্য প্রাসঙ্গিক পরিসংখ্যান এবং যাঁরা নাম পৌঁছে দিতে বলেছেন, তাঁদের নাম। নথিটি ছাপানো যায়।

## Delivering a petition (staff)
deliver-heading = খোলা ও বন্ধ পিটিশন: পৌঁছে দিন
delivery-link = এই পিটিশন পৌঁছে দিন
delivery-title = “{ $title }” পৌঁছে দিন
delivery-back = পৌঁছে দেওয়ার পেজে ফিরে যান
delivery-total = { $pcs ->
    [one] { $pcs }টি কেন্দ্র
   *[other] { $pcs }টি কেন্দ্র
} থেকে { $count ->
    [one] { $count } নিশ্চিত স্বাক্ষর
   *[other] { $count } নিশ্চিত স্বাক্ষর
}।
delivery-pack-language = প্যাকের ভাষা
exports-heading = এক্সপোর্ট
export-signatures = নিশ্চিত স্বাক্ষর (নাম কেবল সেই স্বাক্ষরকারীদের, যাঁরা নাম পৌঁছে দিতে সম্মতি দিয়েছেন)
export-signatures-emails = নিশ্চিত স্বাক্ষর, যোগাযোগে রাজি স্বাক্ষরকারীদের ইমেল সহ (অ্যাডমিন)
export-counts-state = রাজ্য অনুযায়ী গণনা
export-counts-constituency = কেন্দ্র অনুযায়ী গণনা, প্রতিটি কেন্দ্রের সাংসদ সহ
exports-note = প্রতিটি এক্সপোর্ট অডিট লগে লেখা থাকে। CSV ফাইল Excel-এ খুললে হিন্দি লেখা অক্ষত থাকে।
packs-heading = ডেলিভারি প্যাক
pack-ministry-link = মন্ত্রকের প্যাক (PDF)
pack-one = একটি কেন্দ্রের প্যাক
pack-open = প্যাক খুলুন
pack-zip = সব প্যাক নিয়ে একটি জিপ তৈরি করুন
job-title = সব প্যাকের জিপ
job-running = কাজ চলছে
job-done = তৈরি
job-failed = ব্যর্থ
job-leave = আপনি এই পেজ ছেড়ে পরে ফিরে আসতে পারেন: কাজ চলতে থাকবে।
job-download = জিপ ডাউনলোড করুন
job-kept = তৈরির { $hours } { $hours ->
    [one] ঘণ্টা
   *[other] ঘণ্টা
} পরে জিপটি মুছে ফেলা হয়: এতে স্বাক্ষরকারীদের নাম থাকে।
job-deleted = জিপটি মুছে ফেলা হয়েছে, যেমন প্রতিটি জিপ যথেষ্ট সময় রাখার পরে মুছে ফেলা হয় (এতে স্বাক্ষরকারীদের নাম থাকে)। পৌঁছে দেওয়ার পেজ থেকে নতুন জিপ তৈরি করুন।
send-heading = প্যাকগুলি ইমেলে পাঠান
send-preview = { $to_send ->
    [one] { $to_send } জন প্রাপক
   *[other] { $to_send } জন প্রাপক
} ইমেলে প্যাক পাবেন; { $no_email ->
    [one] { $no_email } জনের
   *[other] { $no_email } জনের
} কোনো ইমেল ঠিকানা নেই (তাঁদের প্যাক ছাপিয়ে ডাকে পাঠান); { $done ->
    [one] { $done } জন
   *[other] { $done } জন
} আগেই প্যাক পেয়ে গেছেন।
send-list = কারা প্যাক পাবেন
send-no-email = ইমেল ঠিকানা নেই এমন প্রাপক
send-dry-run = মহড়া: শুধু গুনুন, কিছু পাঠাবেন না
send-button = প্যাকগুলি পাঠান
deliveries-caption = পাঠানো প্যাক
delivery-recipient = প্রাপক
delivery-state = অবস্থা
delivery-error = ত্রুটি
delivery-queued = সারিতে আছে
delivery-sent = পাঠানো হয়েছে
delivery-failed = ব্যর্থ
delivery-retry = আবার চেষ্টা করুন
delivered-members = { $date } তারিখে { $count ->
        [one] { $count } জন সাংসদের
       *[other] { $count } জন সাংসদের
    } কাছে পৌঁছে দেওয়া হয়েছে।
delivered-members-ministry = { $date } তারিখে { $count ->
        [one] { $count } জন সাংসদ
       *[other] { $count } জন সাংসদ
    } ও মন্ত্রকের কাছে পৌঁছে দেওয়া হয়েছে।
recipients-title = প্রাপক
recipients-ministries = মন্ত্রক ও অন্যান্য প্রাপক
recipients-members = লোকসভার সদস্য
recipients-search = নাম, দল, কেন্দ্র, রাজ্য বা কোড
recipient-name = নাম
recipient-party = দল
recipient-postal = ডাকের ঠিকানা
recipient-save = সংরক্ষণ করুন
letters-title = সাংসদদের চিঠি
letters-lede = প্রতিটি সাংসদের প্যাকের শুরুতে থাকা চিঠি। প্রতিটি কেন্দ্রের জন্য এই জায়গাগুলি পূরণ করা হয়:
letters-save = চিঠি সংরক্ষণ করুন
audit-unfinished = মাঝপথে থেমে গেছে

## Integrity: the sign form's honeypot, the console, rules, the method page, the spike email
honeypot-label = এই ঘরটি ফাঁকা রাখুন
error-network = 198.51.100.0/24-এর মতো একটি নেটওয়ার্ক রেঞ্জ, অথবা একটি ঠিকানা লিখুন।
error-network-narrow = স্বাক্ষরের সঙ্গে শুধু তার /24 (IPv6: /48) নেটওয়ার্ক রাখা হয়, তার চেয়ে সূক্ষ্ম কিছু নয়: একটি পুরো /24, অথবা একটি ঠিকানা লিখুন।
error-network-wide = রেঞ্জটি খুব বড়: সর্বাধিক একটি /16 (IPv6: /40) লিখুন।
error-domain = example.com-এর মতো একটি ডোমেন লিখুন।
error-time = 2026-12-02T10:30 (UTC)-এর মতো একটি সময়, অথবা একটি তারিখ লিখুন।
error-time-order = শেষের সময় শুরুর পরে হতে হবে।
error-flag = দেওয়া সংকেতগুলির মধ্যে একটি বেছে নিন।
error-criteria-none = অন্তত একটি শর্ত দিন: ভুল করে কখনও গোটা পিটিশন অবৈধ ঘোষণা করা হয় না।
error-rule-kind = নিয়মটি কীসের সঙ্গে মিলবে, তা বেছে নিন।
error-rule-scope = হার কীসের ভিত্তিতে গোনা হবে, তা বেছে নিন।
error-rule-limit = 1 থেকে 1,000,000-এর মধ্যে একটি পূর্ণ সংখ্যা লিখুন।
error-rule-rate = ঝটিকা সীমা, টানা সীমা, অথবা দুটোই দিন।
error-rule-value = এই ধরনের নিয়ম যে মানের সঙ্গে মেলে, তা লিখুন (ইঙ্গিত দেখুন)।
error-rule-action = "আটকে রাখুন" বা "ব্লক করুন" বেছে নিন।
integrity-title = গণনার সততা: { $title }
integrity-back = পিটিশনের পর্যালোচনায় ফিরে যান
integrity-window = সময়সীমা
integrity-window-hour = গত এক ঘণ্টা
integrity-window-day = গত এক দিন
integrity-window-all = পুরো পিটিশন
integrity-rate = এখনকার স্বাক্ষরের হার: গত পাঁচ মিনিটে মিনিটে { $recent }, তার আগের এক ঘণ্টায় মিনিটে { $trailing }।
integrity-spike = হঠাৎ বৃদ্ধি: গত পাঁচ মিনিটে মিনিটে { $recent } বার স্বাক্ষর, তার আগের এক ঘণ্টায় মিনিটে { $trailing }। মডারেটরদের ইমেল করা হয়েছে।
integrity-summary = { $count ->
    [one] এই সময়সীমায় { $count } স্বাক্ষর
   *[other] এই সময়সীমায় { $count } স্বাক্ষর
} (অবৈধ ঘোষিতগুলি বাদে)
integrity-flags = যে সংকেতগুলি উঠেছে
integrity-col-flag = সংকেত
integrity-col-count = স্বাক্ষর
integrity-col-share = অংশ
integrity-col-when = কখন
integrity-col-state = অবস্থা
integrity-flag-any = যেকোনো
integrity-flag-disposable = অস্থায়ী ইমেল ডোমেন
integrity-flag-too_fast = খুব তাড়াতাড়ি (অথবা আমাদের ফর্ম থেকে নয়)
integrity-flag-honeypot = লুকোনো ঘরটি পূরণ করা হয়েছে
integrity-flag-held = নিয়মের কারণে আটকে রাখা
integrity-chart-minute = মিনিটপ্রতি স্বাক্ষর
integrity-chart-quarter = প্রতি পনেরো মিনিটে স্বাক্ষর
integrity-chart-day = দিনপ্রতি স্বাক্ষর
integrity-top-networks = শীর্ষ নেটওয়ার্ক
integrity-top-domains = শীর্ষ ইমেল ডোমেন
integrity-top-constituencies = শীর্ষ কেন্দ্র
integrity-unknown = অজানা
integrity-none = কিছু নেই।
integrity-held = মডারেটরের জন্য { $count ->
    [one] { $count } স্বাক্ষর আটকে রাখা হয়েছে
   *[other] { $count } স্বাক্ষর আটকে রাখা হয়েছে
}
integrity-release = { $count ->
    [one] আটকে রাখা { $count } স্বাক্ষর ছেড়ে দিন
   *[other] আটকে রাখা সব { $count } স্বাক্ষর ছেড়ে দিন
}: নিশ্চিত হলে সেগুলি গোনা হবে
integrity-held-invalidate = এগুলি বরং অবৈধ ঘোষণা করতে চাইলে, নিচে "নিয়মের কারণে আটকে রাখা" সংকেতটি বেছে নিন।
integrity-invalidate = স্বাক্ষর অবৈধ ঘোষণা করুন
integrity-invalidate-hint = শর্তগুলি বেছে নিন, কতগুলি স্বাক্ষর মেলে দেখুন, তারপর প্রয়োগ করুন। দ্বিতীয় বোতামটি না টেপা পর্যন্ত কিছুই বদলায় না। দেওয়া প্রতিটি শর্ত মিলতে হবে।
integrity-field-network = নেটওয়ার্ক
integrity-field-domain = ইমেল ডোমেন
integrity-field-address = ইমেল ঠিকানা
integrity-field-since = যখন থেকে স্বাক্ষরিত
integrity-field-until = যার আগে স্বাক্ষরিত
integrity-field-constituency = কেন্দ্র
integrity-field-flag = সংকেত
integrity-field-reason = কারণ
integrity-hint-network = একটি /24 (IPv6: /48), /16 পর্যন্ত একটি রেঞ্জ, অথবা একটি ঠিকানা।
integrity-hint-time = UTC-তে, যেমন 2026-12-02T10:30।
integrity-hint-until = UTC-তে, যেমন 2026-12-02T10:30। ফাঁকা রাখলে, আপনি যে মুহূর্তে প্রিভিউ দেখবেন সেটিই ধরা হবে, যাতে আপনি যা দেখেছেন ঠিক তা-ই প্রয়োগ হয়।
integrity-hint-constituency = কেন্দ্রের কোড, যেমন S24-77।
integrity-hint-reason = পিটিশনের গণনা-পদ্ধতির পেজে সবার সামনে দেখানো হবে: কারণটি লিখুন, কোনো ঠিকানা বা নেটওয়ার্কের উল্লেখ করবেন না।
integrity-preview-button = কতগুলি মেলে দেখুন
integrity-preview-again = আবার গুনুন
integrity-preview = { $count ->
    [one] { $count } স্বাক্ষর মিলেছে।
   *[other] { $count } স্বাক্ষর মিলেছে।
}
integrity-preview-none = কোনো স্বাক্ষর মেলেনি: অবৈধ ঘোষণা করার কিছু নেই।
integrity-preview-changed = আপনি দেখার পরে সংখ্যাটি বদলে গেছে।
integrity-apply = { $count ->
    [one] { $count } স্বাক্ষর অবৈধ ঘোষণা করুন
   *[other] { $count } স্বাক্ষর অবৈধ ঘোষণা করুন
}
integrity-invalidations = অবৈধ ঘোষণা
integrity-cancel = বাতিল করুন: { $count ->
    [one] { $count } স্বাক্ষর
   *[other] { $count } স্বাক্ষর
} আবার গুনুন
integrity-cancelled = { $date } তারিখে বাতিল হয়েছে
integrity-done-invalidated = { $count ->
    [one] { $count } স্বাক্ষর অবৈধ ঘোষণা করা হয়েছে।
   *[other] { $count } স্বাক্ষর অবৈধ ঘোষণা করা হয়েছে।
} গণনা সঙ্গে সঙ্গে কমে যায়।
integrity-done-cancelled = অবৈধ ঘোষণা বাতিল হয়েছে: { $count ->
    [one] { $count } স্বাক্ষর
   *[other] { $count } স্বাক্ষর
} কয়েক সেকেন্ডের মধ্যে আবার গোনা হবে।
integrity-done-released = { $count ->
    [one] { $count } স্বাক্ষর ছেড়ে দেওয়া হয়েছে।
   *[other] { $count } স্বাক্ষর ছেড়ে দেওয়া হয়েছে।
}
integrity-done-nothing = এখন আর কিছুই মেলে না: কিছুই বদলায়নি।
integrity-lookup = একটি ঠিকানা খুঁজুন
integrity-lookup-button = খুঁজুন
integrity-lookup-none = এই পিটিশনে ওই ঠিকানা থেকে কোনো স্বাক্ষর নেই।
integrity-state-counted = গোনা হয়েছে
integrity-state-waiting = নিশ্চিতকরণের অপেক্ষায়
integrity-state-held = নিয়মের কারণে আটকে রাখা
integrity-state-invalidated = অবৈধ ঘোষিত
integrity-signed-at = স্বাক্ষরের সময়
integrity-confirmed-at = নিশ্চিত করার সময়
integrity-form-seconds = ফর্ম কত সেকেন্ড খোলা ছিল
integrity-no-stamp = আমাদের ফর্ম থেকে পাঠানো নয়
rules-title = গণনার সততা রক্ষার নিয়ম
rules-intro = প্রতিটি সার্ভার কয়েক সেকেন্ডের মধ্যে এই নিয়মগুলি মেনে চলে। "আটকে রাখুন" স্বাক্ষরটি রেখে দেয় এবং তার নিশ্চিতকরণের ইমেল পাঠায়, কিন্তু কোনো মডারেটর ছেড়ে না দেওয়া পর্যন্ত সেটি গোনা হয় না; "ব্লক করুন" কিছুই রাখে না, কিছুই পাঠায় না। দুই ক্ষেত্রেই স্বাক্ষরকারী একই পেজ দেখেন।
rules-none = এখনও কোনো নিয়ম নেই।
rules-add = একটি নিয়ম যোগ করুন
rules-add-button = নিয়মটি যোগ করুন
rules-done-added = নিয়ম যোগ হয়েছে।
rules-done-removed = নিয়ম সরানো হয়েছে।
rules-unreadable = { $ids } নম্বর নিয়মগুলি এমন আকারে রাখা আছে যা এই সংস্করণ পড়তে পারে না; সেগুলি কার্যকর নয়।
rule-field-kind = কীসের সঙ্গে মেলে
rule-field-scope = হার গোনা হবে কীসের ভিত্তিতে
rule-field-value = মান
rule-field-burst = ঝটিকা: মিনিটে সর্বাধিক এতগুলি
rule-field-sustained = টানা: ঘণ্টায় সর্বাধিক এতগুলি
rule-field-action = পদক্ষেপ
rule-field-note = কর্মীদের জন্য নোট
rule-hint-value = একটি নেটওয়ার্ক (198.51.100.0/24), একটি ডোমেন (example.com), একটি ঠিকানার প্যাটার্ন (bot*@example.com), অথবা "খুব তাড়াতাড়ি"-র ক্ষেত্রে একজন মানুষের ন্যূনতম কত সেকেন্ড লাগে। হার, অস্থায়ী ডোমেন বা লুকোনো ঘরের জন্য দরকার নেই।
rule-hint-scope = শুধু হারের জন্য। হার একই পিটিশনের স্বাক্ষর গোনে।
rule-hint-action = আটকে রাখুন: রাখা হয়, কিন্তু ছেড়ে না দেওয়া পর্যন্ত গোনা হয় না। ব্লক করুন: কিছুই রাখা বা পাঠানো হয় না।
rule-hits = মিলেছে
rule-remove = সরান
rule-remove-label = নিয়ম { $id } সরান
rule-kind-rate = একটি হার
rule-kind-network = একটি নেটওয়ার্ক রেঞ্জ
rule-kind-domain = একটি ইমেল ডোমেন
rule-kind-address = একটি ঠিকানার প্যাটার্ন
rule-kind-disposable = অস্থায়ী ইমেল ডোমেন
rule-kind-too_fast = খুব তাড়াতাড়ি পাঠানো ফর্ম
rule-kind-honeypot = লুকোনো ঘরটি পূরণ করা হয়েছে
rule-scope-ip = ক্লায়েন্টের ঠিকানা
rule-scope-network = নেটওয়ার্ক
rule-scope-domain = ইমেল ডোমেন
rule-scope-petition = পুরো পিটিশন
rule-action-hold = আটকে রাখুন
rule-action-block = ব্লক করুন
rule-burst-is = মিনিটে { $count }-এর বেশি
rule-sustained-is = ঘণ্টায় { $count }-এর বেশি
rule-too-fast-is = { $count } সেকেন্ডের কম
method-link = স্বাক্ষর কীভাবে গোনা হয়
method-title = স্বাক্ষর কীভাবে গোনা হয়: { $title }
method-back = “{ $title }” পিটিশনে ফিরে যান
method-how = একটি স্বাক্ষর কখন গোনা হয়
method-person = স্বাক্ষরকারী আমাদের ইমেল করা লিংকটি খুলে নিশ্চিত করার বোতাম টিপলে তবেই একটি স্বাক্ষর গোনা হয়। যে মেল স্ক্যানার লিংক খোলে, তা কিছুই নিশ্চিত করে না।
method-once = একজন মানুষের একটি স্বাক্ষর: একই ইমেল ঠিকানার ভিন্ন বানান (বড় হাতের অক্ষর, Gmail ঠিকানায় বিন্দু, +ট্যাগ) একবারই গোনা হয়।
method-checks = স্বয়ংক্রিয় স্বাক্ষরের ঢেউ চিনতে আমরা প্রতিটি স্বাক্ষরের সঙ্গে কয়েকটি সংকেত রাখি: সেটি কোন নেটওয়ার্ক থেকে এসেছে (পুরো ঠিকানা নয়), ইমেলের ডোমেন, আর ফর্মটি কতক্ষণ খোলা ছিল। স্বাক্ষরকারীর বাকি তথ্যের সঙ্গে এগুলিও মুছে ফেলা হয়।
method-held = অপব্যবহার-বিরোধী কোনো নিয়মের সঙ্গে মিলে যাওয়া স্বাক্ষর আটকে রাখা হয়: কোনো মডারেটর ছেড়ে না দিলে সেগুলি গোনা হয় না।
method-invalidated = কর্মীরা জাল স্বাক্ষরের কোনো ঢেউ খুঁজে পেলে সেগুলি অবৈধ ঘোষণা করেন: সেই স্বাক্ষরগুলি আর গোনা হয় না, এবং এই অবৈধ ঘোষণা তারিখ ও কারণসহ নিচে তালিকাভুক্ত থাকে।
method-figures = পরিসংখ্যান
method-counted = গোনা হয়েছে (একজন মানুষ নিশ্চিত করেছেন)
method-waiting = নিশ্চিতকরণের অপেক্ষায়
method-held-count = মডারেটরের জন্য আটকে রাখা
method-invalidated-count = অবৈধ ঘোষিত
method-lag = নিশ্চিত করার কয়েক সেকেন্ডের মধ্যে তা গণনায় যোগ হয়।
method-invalidations = অবৈধ ঘোষণা
method-invalidations-none = এই পিটিশনের কোনো স্বাক্ষর অবৈধ ঘোষণা করা হয়নি।
method-invalidation-count = { $count ->
    [one] { $count } স্বাক্ষর
   *[other] { $count } স্বাক্ষর
} অবৈধ ঘোষিত
method-restored = ({ $date } তারিখে বাতিল করা হয়েছে: সেগুলি আবার গোনা হচ্ছে)
email-spike-subject = “{ $title }” পিটিশনে হঠাৎ বৃদ্ধি
email-spike-body = “{ $title }” পিটিশনে গত পাঁচ মিনিটে মিনিটে { $recent } বার স্বাক্ষর হয়েছে, যেখানে তার আগের এক ঘণ্টায় মিনিটে হয়েছিল { $trailing }। এটি কোনো খবরের প্রভাব হতে পারে; আবার জাল স্বাক্ষরের ঢেউও হতে পারে। স্বাক্ষর কোথা থেকে আসছে, কনসোলে তা দেখা যায়।
email-spike-console = গণনার সততার কনসোল খুলুন

## The petition page's facts and sign action (issue "Look like a campaign people trust")
petition-started-by = শুরু করেছেন { $name }
petition-opened-on = { $date } তারিখে খোলা হয়েছে
petition-closes-on = { $date } তারিখে বন্ধ হবে
petition-closed-on = { $date } তারিখে বন্ধ হয়েছে
signed-today = { $count ->
    [one] আজ { $shown } জন স্বাক্ষর করেছেন
   *[other] আজ { $shown } জন স্বাক্ষর করেছেন
}
sign-jump = এই পিটিশনে স্বাক্ষর করুন
you-signed = আপনি এই পিটিশনে স্বাক্ষর করেছেন। ধন্যবাদ!
you-signed-share = এবার একজন বন্ধুকেও স্বাক্ষর করতে বলুন: পিটিশনটি শেয়ার করুন।
petition-field-show-starter = পিটিশনের উদ্যোক্তা হিসেবে পিটিশনে আমার নাম দেখান
hint-show-starter = আপনার অ্যাকাউন্টে যে নাম আছে। নিজের নাম ছাড়া পিটিশন শুরু করতে চাইলে এখানে টিক দেবেন না।
sign-later-title = এখনও স্বাক্ষর হয়নি
sign-later-body = অল্প সময়ে আপনার সংযোগ থেকে অনেক বেশি স্বাক্ষর এসেছে, তাই এটি পাঠানো হয়নি। আপনার লেখা কিছুই হারায়নি: সবকিছু নিচের ফর্মে এখনও আছে।

## The staff console: its navigation bar, the petitions list, and what each action did
staff-nav = কর্মীদের পেজ
staff-nav-moderation = মডারেশন
staff-nav-petitions = পিটিশন ও পৌঁছে দেওয়া
staff-nav-recipients = প্রাপক
staff-nav-letters = চিঠি
staff-nav-rules = সততার নিয়ম
staff-nav-privacy = গোপনীয়তা-সংক্রান্ত অনুরোধ
staff-nav-users = ব্যবহারকারী
staff-nav-audit = অডিট লগ
staff-petitions-title = পিটিশন
staff-petitions-hint = প্রকাশ্য পিটিশন, নতুনগুলি আগে। হোম পেজে প্রথমে থাকে বিশেষভাবে তুলে ধরা পিটিশন, তারপর সবচেয়ে বেশি স্বাক্ষর পাওয়াগুলি।
staff-petitions-empty = এখনও কোনো পিটিশন প্রকাশ্য নয়।
staff-featured = তুলে ধরা
staff-feature = হোম পেজে তুলে ধরুন
staff-unfeature = হোম পেজ থেকে সরান
staff-public-page = প্রকাশ্য পেজ
staff-integrity = গণনার সততা
staff-delivery = পৌঁছে দেওয়া
done-approve = অনুমোদিত: পিটিশনটি খোলা হয়েছে এবং উদ্যোক্তাকে ইমেল করা হয়েছে।
done-changes = ফেরত পাঠানো হয়েছে: কী বদলাতে হবে, উদ্যোক্তাকে ইমেলে জানানো হয়েছে।
done-reject = প্রত্যাখ্যাত: উদ্যোক্তাকে কারণ ইমেল করা হয়েছে।
done-hide = লুকোনো হয়েছে: পিটিশনটি আর প্রকাশ্য নয়।
done-update-approved = আপডেট অনুমোদিত: এটি পিটিশনের পেজে আছে এবং গ্রাহকদের কাছে পাঠানো হচ্ছে।
done-update-rejected = আপডেট প্রত্যাখ্যাত।
done-role = ভূমিকা বদলানো হয়েছে।
done-featured = হোম পেজে এখন সবার আগে এই পিটিশন দেখানো হচ্ছে।
done-unfeatured = পিটিশনটি আর হোম পেজে তুলে ধরা হচ্ছে না।
done-queued = { $n ->
    [one] পাঠানো হয়েছে: { $shown }টি প্যাক সারিতে আছে।
   *[other] পাঠানো হয়েছে: { $shown }টি প্যাক সারিতে আছে।
} নিচের সারণিতে প্রতিটির অগ্রগতি দেখা যাবে।
done-dry-run = মহড়া, কিছুই পাঠানো হয়নি: { $n ->
    [one] { $shown }টি প্যাক পাঠানো হত
   *[other] { $shown }টি প্যাক পাঠানো হত
}, এবং { $missing ->
    [one] { $missing_shown } জন প্রাপকের কোনো ইমেল ঠিকানা নেই
   *[other] { $missing_shown } জন প্রাপকের কোনো ইমেল ঠিকানা নেই
}।
done-retried = প্যাকটি আবার পাঠানো হবে।
done-saved = সংরক্ষিত হয়েছে।
send-why-all-done = পাঠানোর কিছু নেই: ইমেল ঠিকানা আছে এমন প্রত্যেক প্রাপক তাঁদের প্যাক আগেই পেয়েছেন।
send-why-no-email = ইমেলে পাঠানোর কিছু নেই: { $count ->
    [one] বাকি { $shown } জন প্রাপকের কোনো ইমেল ঠিকানা নেই
   *[other] বাকি { $shown } জন প্রাপকের কোনো ইমেল ঠিকানা নেই
}। "প্রাপক" পেজে ঠিকানা যোগ করুন, অথবা তাঁদের প্যাক ছাপিয়ে ডাকে পাঠান।

## The campaigner's dashboard
steps-heading = এর পরে কী হবে
step-done = সম্পন্ন:
step-write = আপনার পিটিশন লিখুন। এগিয়ে পাঠানোর আগে পর্যন্ত আপনি এটি সম্পাদনা করতে পারবেন।
step-supporters = আপনার প্রথম সমর্থকদের কাছে পাঠান: এর অপ্রকাশ্য লিংক দিয়ে { $count } জনকে স্বাক্ষর করতে হবে।
step-moderation = আমাদের মডারেটররা নিয়ম অনুযায়ী এটি যাচাই করেন, তারপর এটি খুলে দেন অথবা কী বদলাতে হবে তা জানান।
step-open = এটি সবার জন্য খুলে যায়: শেয়ার করুন, এবং আপনার স্বাক্ষরকারীদের আপডেট লিখুন।
dashboard-public-link = প্রকাশ্য পেজ দেখুন
dashboard-support-link = যে পেজে আপনার প্রথম সমর্থকেরা স্বাক্ষর করেন, সেটি দেখুন
chart-empty = মানুষ স্বাক্ষর করা শুরু করলে এখানে দিনপ্রতি স্বাক্ষরের একটি চার্ট দেখা যাবে।
confirmation-rate-words = { $reachable_n ->
    [one] যে { $reachable } জনের কাছে ইমেল পৌঁছেছে, তাঁদের মধ্যে { $confirmed } জন
   *[other] যে { $reachable } জনের কাছে ইমেল পৌঁছেছে, তাঁদের মধ্যে { $confirmed } জন
} তাঁদের স্বাক্ষর নিশ্চিত করেছেন ({ $rate }%)। নিশ্চিত করার পরেই একটি স্বাক্ষর গোনা হয়; বাকিরা এখনও তাঁদের লিংক খোলেননি।
confirmation-rate-bounced = { $count ->
    [one] { $shown }টি ঠিকানায় পৌঁছোনো যায়নি (ইমেল ফেরত এসেছে বা স্প্যাম বলে চিহ্নিত হয়েছে)।
   *[other] { $shown }টি ঠিকানায় পৌঁছোনো যায়নি (ইমেল ফেরত এসেছে বা স্প্যাম বলে চিহ্নিত হয়েছে)।
}

## The audit log, one readable row per entry: who, then what they did
audit-action-petition-approve = একটি পিটিশন অনুমোদন করেছেন
audit-action-petition-reject = একটি পিটিশন প্রত্যাখ্যান করেছেন
audit-action-petition-changes = একটি পিটিশনে পরিবর্তন চেয়েছেন
audit-action-petition-hide = একটি পিটিশন লুকিয়েছেন
audit-action-petition-feature = হোম পেজে কী তুলে ধরা হবে তা বদলেছেন
audit-action-update-write = একটি আপডেট লিখেছেন
audit-action-update-approve = একটি আপডেট অনুমোদন করেছেন
audit-action-update-reject = একটি আপডেট প্রত্যাখ্যান করেছেন
audit-action-user-role = একটি অ্যাকাউন্টের ভূমিকা বদলেছেন
audit-action-export-signatures = স্বাক্ষর এক্সপোর্ট করেছেন
audit-action-export-counts = গণনা এক্সপোর্ট করেছেন
audit-action-deliver-pack = একটি ডেলিভারি প্যাক খুলেছেন
audit-action-deliver-packs = ডেলিভারি প্যাকগুলি তৈরি করেছেন
audit-action-deliver-packs-zip = ডেলিভারি প্যাকগুলির জিপ তৈরি করেছেন
audit-action-deliver-send = ডেলিভারি প্যাকগুলি পাঠিয়েছেন
audit-action-deliver-send-dry-run = প্যাক পাঠানোর একটি মহড়া চালিয়েছেন
audit-action-deliver-retry = একটি প্যাক আবার পাঠিয়েছেন
audit-action-recipient-edit = একজন প্রাপকের তথ্য সম্পাদনা করেছেন
audit-action-representative-edit = একজন সাংসদের তথ্য সম্পাদনা করেছেন
audit-action-letter-edit = চিঠিটি সম্পাদনা করেছেন
audit-action-import-representatives = সাংসদদের তালিকা ইমপোর্ট করেছেন
audit-action-rule-add = সততার একটি নিয়ম যোগ করেছেন
audit-action-rule-remove = সততার একটি নিয়ম সরিয়েছেন
audit-action-signatures-release = আটকে রাখা স্বাক্ষর ছেড়ে দিয়েছেন
audit-action-signatures-invalidate = স্বাক্ষর অবৈধ ঘোষণা করেছেন
audit-action-invalidation-cancel = একটি অবৈধ ঘোষণা বাতিল করেছেন
audit-action-import-disposable-domains = অস্থায়ী ইমেল ডোমেনের তালিকা ইমপোর্ট করেছেন
audit-action-signatures-lookup = একটি ঠিকানার স্বাক্ষর খুঁজে দেখেছেন
audit-action-signer-link = নিজের স্বাক্ষর পরিচালনার লিংক চেয়েছেন
audit-action-signer-withdraw = একটি স্বাক্ষর প্রত্যাহার করেছেন
audit-action-signer-consents = নিজের সম্মতি বদলেছেন
audit-action-signer-download = নিজের ডেটা ডাউনলোড করেছেন
audit-action-signer-erase = নিজের ডেটা মুছে ফেলেছেন
audit-action-retention-anonymise = একটি বন্ধ পিটিশনের স্বাক্ষরকারীদের পরিচয় মুছে বেনামি করেছেন
audit-action-privacy-lookup = একটি ঠিকানার কী কী তথ্য রাখা আছে, তা খুঁজে দেখেছেন
audit-action-privacy-answer = একটি গোপনীয়তা-সংক্রান্ত অনুরোধের উত্তর দিয়েছেন
audit-action-account-download = নিজের অ্যাকাউন্টের ডেটা ডাউনলোড করেছেন
audit-action-account-delete = নিজের অ্যাকাউন্ট মুছে ফেলেছেন
audit-action-keys-rotate = বর্তমান চাবি দিয়ে ডেটা আবার সিল করেছেন
audit-on-petition = (পিটিশন { $id })
audit-row-count = { $count ->
    [one] { $shown }টি সারি
   *[other] { $shown }টি সারি
}
audit-at = { $date }, { $time } UTC
recipients-missing-email = শুধু ইমেল ঠিকানা নেই এমন সদস্য
recipients-none = কোনো সদস্য মেলেনি।
recipients-showing = মোট { $total } জন সদস্যের মধ্যে { $from } থেকে { $to } দেখানো হচ্ছে।
recipients-pages = সদস্যদের তালিকার পৃষ্ঠা
page-previous = আগের পৃষ্ঠা
page-next = পরের পৃষ্ঠা
page-of = পৃষ্ঠা { $page } / { $pages }
update-preview-heading = আপনার আপডেট যেমন দেখাবে
update-preview-button = প্রিভিউ
update-preview-untranslated = যাঁরা { $lang } পড়েন, তাঁরা এটি ওপরে যেমন লেখা আছে তেমনই, অনুবাদ ছাড়া পাবেন।
update-translation-hint = একই আপডেট { $lang } ভাষায়, যে স্বাক্ষরকারীরা সেই ভাষা পড়েন তাঁদের জন্য (ঐচ্ছিক; না দিলে তাঁরা ওপরের আপডেটটি পাবেন)।

## A petition's picture (its creator's page, and the public page's figure)
image-title = আপনার পিটিশনের ছবি
image-back = আপনার পিটিশনে ফিরে যান
image-current = এখনকার ছবি
image-remove = ছবিটি সরান
image-consent = কেবল এমন ছবি ব্যবহার করুন যা ব্যবহারের অধিকার আপনার আছে। পাচার বা নির্যাতন থেকে বেঁচে ফেরা কোনো মানুষের, বা কোনো শিশুর, এমন মুখ কখনও দেখাবেন না যা দেখে তাঁদের চেনা যায়।
image-field = ছবি
image-hint = JPEG, PNG বা WebP, সর্বাধিক { $mb } MB, অন্তত { $width } পিক্সেল চওড়া। 4:3-এর চেয়ে লম্বা বা 2:1-এর চেয়ে চওড়া ছবি মাঝখান থেকে ছেঁটে নেওয়া হয়। আমরা শুধু ছবিটিই রাখি, তার ফাইলে লুকোনো তথ্য (ক্যামেরা, স্থান বা তারিখ) রাখি না।
image-alt-label = ছবিতে কী দেখা যাচ্ছে, { $language } ভাষায়
image-alt-hint = যাঁরা ছবিটি দেখতে পান না, তাঁদের জন্য একটি বাক্য, যেমন "সংসদের বাইরে ব্যানার হাতে নারীরা"।
image-upload = ছবিটি আপলোড করুন
image-link-add = একটি ছবি যোগ করুন
image-link-change = ছবি বদলান
done-image-saved = ছবি সংরক্ষিত হয়েছে। পিটিশনের পেজে গণনার নিচে এটি দেখা যায়।
done-image-removed = ছবি সরানো হয়েছে।
error-image-required = আপলোড করার জন্য একটি ছবি বেছে নিন
error-image-kind = ছবিটি JPEG, PNG বা WebP ফাইল হতে হবে
error-image-too-large = ছবিটি 5 MB বা তার চেয়ে ছোট হতে হবে
error-image-too-small = ছবিটি অন্তত 400 পিক্সেল চওড়া হতে হবে
error-image-pixels = ছবিতে পিক্সেল খুব বেশি: এর লম্বা দিকটি সর্বাধিক 6,000 পিক্সেল করুন
error-image-unreadable = ছবিটি পড়া যায়নি, হয়তো ফাইলটি নষ্ট হয়ে গেছে: আবার সেভ করুন, অথবা অন্য একটি বেছে নিন

## The constituency map (/petitions/{id}/map, and the petition page's small map)
constituency = নির্বাচনী কেন্দ্র
map-label = ভারতের লোকসভা কেন্দ্রগুলির মানচিত্র, প্রতিটি কেন্দ্র সেখানে কতজন স্বাক্ষর করেছেন সেই অনুযায়ী রং করা
map-legend = একটি কেন্দ্রে স্বাক্ষর
map-legend-none = এখনও কিছু নেই
map-see-all = মানচিত্রে প্রতিটি কেন্দ্র দেখুন
map-heading = কেন্দ্র অনুযায়ী স্বাক্ষর
map-heading-state = { $state }: কেন্দ্র অনুযায়ী স্বাক্ষর
map-lede = { $places ->
    [one] { $places }টি কেন্দ্র
   *[other] { $places }টি কেন্দ্র
} থেকে { $shown } { $count ->
    [one] স্বাক্ষর
   *[other] স্বাক্ষর
}।
map-state-label = একটি রাজ্য বা কেন্দ্রশাসিত অঞ্চল দেখান
map-state-all = সারা ভারত
map-state-show = দেখান
map-table-caption = প্রতিটি কেন্দ্রে স্বাক্ষর, সবচেয়ে বেশি আগে
map-member = সাংসদ
map-vacant = শূন্য
map-unsigned = { $count ->
    [one] { $count }টি কেন্দ্রে
   *[other] { $count }টি কেন্দ্রে
} এখনও কেউ স্বাক্ষর করেননি।
map-states-label = ভারতের রাজ্য ও কেন্দ্রশাসিত অঞ্চলগুলির মানচিত্র, প্রতিটি সেখানে কতজন স্বাক্ষর করেছেন সেই অনুযায়ী রং করা

## Where signers came from (partners' ?source= links)
sources-heading = স্বাক্ষরকারীরা কোথা থেকে এসেছেন
sources-source = লিংকের উৎস
sources-none = উৎস ছাড়া
sources-hint = প্রতিটি সংগঠনকে তাদের নিজস্ব লিংক দিন, যাতে তাদের প্রচার থেকে কত স্বাক্ষর আসে তা গোনা যায়: { $url } এবং তার পরে আপনার বেছে নেওয়া একটি নাম, যেমন bihar-network (অক্ষর, সংখ্যা ও ড্যাশ)।
embed-hint = কোনো সংগঠনের নিজস্ব ওয়েবসাইটে স্বাক্ষরের ফর্মসহ পিটিশনটি বসাতে, এটি সেই পেজে পেস্ট করুন (source-এর জায়গায় সংগঠনের নাম লিখুন):

## Browsing petitions (/petitions) and the feed
browse-all = সব পিটিশন দেখুন
browse-title = সব পিটিশন
browse-search = শিরোনাম ও দাবির মধ্যে খুঁজুন
browse-status = কোনগুলি
browse-status-all = খোলা ও বন্ধ
browse-status-open = খোলা, এখনও স্বাক্ষর নেওয়া হচ্ছে
browse-status-closed = বন্ধ
browse-sort = কোন ক্রমে
browse-sort-signed = সবচেয়ে বেশি স্বাক্ষর আগে
browse-sort-new = নতুনগুলি আগে
browse-sort-closing = যেগুলি সবচেয়ে তাড়াতাড়ি বন্ধ হবে, সেগুলি আগে
browse-delivered = শুধু প্রাপকদের কাছে পৌঁছে দেওয়া পিটিশন
browse-show = দেখান
browse-found = { $count ->
    [one] { $shown }টি পিটিশন।
   *[other] { $shown }টি পিটিশন।
}
browse-pages = পৃষ্ঠা
browse-previous = আগের পৃষ্ঠা
browse-next = পরের পৃষ্ঠা
browse-page-of = পৃষ্ঠা { $page } / { $pages }
browse-feed = নতুন পিটিশনের ফিড (Atom)
feed-title = হস্তাক্ষর: নতুন পিটিশন

# The map, zoomed with JavaScript.
map-zoom-in = কাছ থেকে দেখুন
map-zoom-out = দূর থেকে দেখুন
map-zoom-reset = পুরোটা দেখান
