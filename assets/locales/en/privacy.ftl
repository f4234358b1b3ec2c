## The privacy notice at /privacy: what the Digital Personal Data Protection Act, 2023 and the
## DPDP Rules, 2025 ask a Data Fiduciary to tell the people whose data it holds.

privacy-title = Privacy notice
privacy-lede = How we use the personal data you give us when you sign a petition, and what you can do about it.
privacy-version = This notice: version of 2 December 2026.
privacy-contents = On this page

privacy-summary-heading = In short
privacy-summary-email = We use your email address only to confirm your signature and, if you ask, to send you updates. It is never shown or given to anyone.
privacy-summary-name = Your name is shown on the petition page, or delivered to the petition’s recipients, only if you tick the box for it.
privacy-summary-retention = Signatures are counted by state and Lok Sabha constituency. { $days ->
    [one] One day
   *[other] { $days } days
} after a petition closes, we erase your personal data and keep only the counts.
privacy-summary-rights = You can withdraw your signature, download your data or erase it at any time, with the link at the foot of every email we send you.

privacy-who-heading = Who holds your data
privacy-who-body = Your data is held by { $org }. We decide why and how it is used, so under the Digital Personal Data Protection Act, 2023 we are its “Data Fiduciary”. You, the person the data is about, are the “Data Principal”.
privacy-who-scope = This notice covers what happens to your data when you sign a petition here. It is complete on its own: you do not need to read anything else to understand it.

privacy-data-heading = What we collect, and why
privacy-data-intro = These are the things we keep when you sign, and what each one is for. We use them for nothing else.
privacy-item-name = Your name
privacy-item-name-why = We count signatures by email address, not by name. Your name is shown on the petition page only if you tick “{ $show }”, and is given to the petition’s recipients only if you tick “{ $deliver }”. It is stored encrypted.
privacy-item-email = Your email address
privacy-item-email-why = To send you the link that confirms your signature, so that each address is counted once; and to send you news of the petition, but only if you tick “{ $updates }”. It is never shown on the site or given to anyone else: the people who receive the petition never see it. It is stored encrypted.
privacy-item-place = PIN code, state and Lok Sabha constituency
privacy-item-place-why = To count the signatures from each state and constituency, and to deliver them to the right Member of Parliament. The counts are public.
privacy-item-language = The language you use
privacy-item-language-why = To write to you in that language, and to record which wording of the form you saw.
privacy-item-consents = Your age declaration and your choices
privacy-item-consents-why = Your declaration “{ $adult }”, the exact text of each statement shown to you beside a box, and what you ticked. We keep them as a record of what you agreed to: a later change to the form’s wording never changes that record.
privacy-item-signals = Signals that help us spot fraud
privacy-item-signals-why = A code made with a secret key from your device’s internet (IP) address and from its network, which does not reveal the address; the domain of your email address (the part after @); and how long the form took to fill in. We never store the internet address itself. These are used only to keep the counts honest.
privacy-item-emails = The emails we send you
privacy-item-emails-why = We keep a record of each email we send you (what kind it was and when it went), to show that it was sent. Its contents are stored encrypted until it goes, and deleted as soon as it has been sent.

privacy-sharing-heading = Who sees it
privacy-sharing-public = Anyone: the number of signatures, by state and constituency, and the names of those who chose to show them.
privacy-sharing-recipients = The petition’s recipients, such as Members of Parliament: the counts, and the names of those who chose to have their name delivered. Each Member of Parliament receives the names from their own constituency.
privacy-sharing-staff = Our staff, only as far as their work needs it (checking petitions, delivering them, answering you). Everything they export is recorded.
privacy-sharing-never = We do not sell your data, and we do not use it for advertising.

privacy-retention-heading = How long we keep it
privacy-retention-signers = { $days ->
    [one] One day
   *[other] { $days } days
} after a petition closes, we anonymise its signatures: each signer’s name, email address, PIN code and fraud signals are erased for good. The counts by state and constituency stay, because they are the petition’s result.
privacy-retention-emails = The contents of each email we send are deleted as soon as it has been sent. Later, at the same time as the signatures, the record of each email loses your address too.
privacy-retention-audit = We keep a record of actions on the site (for example a signature confirmed, withdrawn or exported) for at least one year, without the personal data itself.
privacy-retention-sooner = You need not wait: you can erase your data yourself at any time, as explained below.

privacy-consent-heading = Your consent
privacy-consent-separate = Signing is your choice. Each choice on the form is separate and stays off unless you tick it: you can sign without showing your name, without having it delivered, and without getting updates.
privacy-consent-age = You must be 18 or older to sign. For anyone younger, the Act requires verifiable consent from a parent, which this site does not collect, so we cannot accept signatures from people under 18.

privacy-rights-heading = Your rights, and how to withdraw
privacy-withdraw-heading = Withdraw, change, download or erase
privacy-withdraw-how = You can withdraw your consent as easily as you gave it. Every email we send you ends with a “{ $link }” link. Open it to withdraw your signature, change any of your choices, download everything we hold about your email address (as a JSON file), or erase it.
privacy-withdraw-new-link = No email to hand, or the link has expired? Ask for a new one and we will send it to your address. Each link works for { $hours ->
    [one] one hour
   *[other] { $hours } hours
}. Holding the link is what shows that it is you, so please do not forward our emails.
privacy-withdraw-new-link-action = Ask for a new link
privacy-withdraw-before = Withdrawing stops any further use of your data, but does not undo what was done before. A petition that has already been delivered keeps the figure it was delivered with; your name is removed from what we keep.
privacy-rights-list-heading = Your rights under the Act
privacy-right-access = Access: you can know what data we hold about you and what we do with it, and get a copy.
privacy-right-correct = Correction and erasure: you can have your data corrected, completed or brought up to date, and have it erased.
privacy-right-grievance = Grievance redressal: you can complain to us and get an answer (see below).
privacy-right-nominate = Nomination: you can name another person to use these rights for you if you die or become unable to act. Write to our Grievance Officer to do so.
privacy-right-withdraw = Withdrawal: you can withdraw your consent at any time, and it is as easy as giving it.
privacy-rights-other = For anything the link cannot do, write to our Grievance Officer.
privacy-duty = The Act asks something of you too: please sign only with your own name and email address, and give true details.

privacy-security-heading = How we keep it safe
privacy-security-encrypted = Names and email addresses are encrypted in our database, with a key kept outside it: a copy of the database alone does not reveal them.
privacy-security-exports = Exports made by our staff and the packs delivered to a petition’s recipients respect each signer’s choices, and every one is recorded in an audit log.
privacy-security-breach = If a data breach ever affects your data, we will tell you and the Data Protection Board of India, as the law requires.

privacy-grievance-heading = Questions and complaints
privacy-grievance-officer = Our Grievance Officer, { $officer }, answers questions and complaints about your data, and requests to use your rights.
privacy-grievance-email-label = Email
privacy-grievance-form-label = Form
privacy-grievance-form-link = Write to us through our contact form
privacy-grievance-time = We answer within 90 days.
privacy-grievance-board = If you are not satisfied with our answer, or we have not answered in time, you can then complain to the Data Protection Board of India. The Act asks you to try to settle the matter with us first.
privacy-grievance-board-link = Data Protection Board of India (dpb.gov.in)
