## সহযোগী সংগঠনের সিস্টেমের জন্য API টোকেন (/osdi/v1)।

staff-nav-tokens = API টোকেন
tokens-title = সহযোগী সংগঠনের জন্য API টোকেন
tokens-lede = টোকেন দিয়ে কোনো সহযোগী সংগঠনের সিস্টেম (Action Network, CiviCRM) তার সোর্স কোডে আসা স্বাক্ষর পড়তে পারে, এবং এমন স্বাক্ষর নথিভুক্ত করতে পারে যা স্বাক্ষরকারী ইমেলে নিশ্চিত করলে গোনা হয়। নাম কেবল সেখানেই দেওয়া হয় যেখানে স্বাক্ষরকারী তা দেখাতে সম্মতি দিয়েছেন; ইমেল ঠিকানা কখনোই নয়।
tokens-issued = এই টোকেনটি এখনই কপি করে সংগঠনকে নিরাপদে দিন। এটি আর দেখানো হবে না।
tokens-none = এখনও কোনো টোকেন দেওয়া হয়নি।
tokens-name = নাম
tokens-name-hint = এটি কার জন্য, যেমন "বিহার নেটওয়ার্কের CiviCRM"।
tokens-source = সোর্স কোড
tokens-source-hint = সংগঠনের লিংকে তার কোড (?source=bihar-network): ছোট হাতের ইংরেজি অক্ষর, সংখ্যা, - এবং _।
tokens-issued-on = দেওয়া হয়েছে
tokens-last-used = শেষ ব্যবহার
tokens-state = ব্যবহারে
tokens-revoked-on = { $date } তারিখে বাতিল
tokens-revoke = বাতিল করুন
tokens-new = টোকেন দিন
tokens-issue = টোকেনটি দিন
error-token-source = ছোট হাতের ইংরেজি অক্ষর, সংখ্যা, - এবং _ দিয়ে কোড দিন, সর্বাধিক 40
done-token-revoked = টোকেনটি বাতিল হয়েছে: এটি দিয়ে আর API খোলে না।
