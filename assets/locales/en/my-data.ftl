## Signing: the age declaration.
consent-adult = I am 18 or older
error-adult = Tick "I am 18 or older" to sign: people under 18 cannot sign here.
sign-adult-hint = The law asks for a parent's consent before anyone under 18 shares personal data; this site does not collect it.

## Every email's footer.
email-privacy-link = How we use your data
email-manage-link = Manage my signature

## The "manage my signature" email.
email-manage-subject = Your link to manage your signatures
email-manage-body = Someone asked for a link to see and manage the signatures made with this email address. With it you can withdraw a signature, change what you agreed to, download everything we hold about you, or erase it.
email-manage-button = Manage my signatures
email-manage-expiry = { $hours ->
    [one] The link works for { $hours } hour. Anyone who has it can use it: do not forward this email.
   *[other] The link works for { $hours } hours. Anyone who has it can use it: do not forward this email.
}
email-manage-not-you = If you did not ask for this, you can ignore this email: nothing changes unless the link is used.

## /my-data
mydata-title = Your signatures and your data
mydata-intro = Type the email address you signed with. If it has signed a petition here, we will email it a link to see your signatures, withdraw any of them, change your choices, download everything we hold about you, or erase it. We answer the same whether or not the address has signed.
mydata-email-label = Email address
mydata-email-hint = The one you signed with.
mydata-send-button = Email me a link
mydata-sent-heading = Check your inbox
mydata-sent-body = { $hours ->
    [one] If this address has signed a petition here, a link is on its way to it. The link works for { $hours } hour.
   *[other] If this address has signed a petition here, a link is on its way to it. The link works for { $hours } hours.
}
mydata-privacy-link = How we use your data (privacy notice)
mydata-manage-title = Manage your signatures
mydata-manage-intro = { $count ->
    [one] This email address has signed one petition.
   *[other] This email address has signed { $count } petitions.
}
mydata-none = We hold no signature of this email address any more.
mydata-name = Name
mydata-signed = Signed on
mydata-standing = Status
mydata-standing-pending = Not confirmed yet: it counts once you click the link in our email.
mydata-standing-counted = Counted.
mydata-standing-held = Confirmed; waiting for a moderator's check before it counts.
mydata-standing-withdrawn = Withdrawn: it no longer counts.
mydata-standing-invalidated = Not counted: the campaign's staff took it out of the count.
mydata-save-button = Save my choices
mydata-saved = Your choices are saved.
mydata-withdraw-button = Withdraw this signature
mydata-withdrawn = Your signature is withdrawn: it no longer counts, and it will not be in any list or pack we deliver from now on. The count on the petition page falls within a few seconds.
mydata-withdrawn-delivered = This petition was already delivered: the figure delivered then stays as it was, but your name is in nothing we deliver from now on.
mydata-already-withdrawn = This signature already does not count.
mydata-download-heading = Download your data
mydata-download-body = A file (JSON) with every signature of this address, the exact wording of what you agreed to, the emails we sent you with their dates, and the signals we keep against fraud.
mydata-download-button = Download my data
mydata-erase-heading = Erase everything
mydata-erase-body = Your name, email address, PIN code and fraud signals are erased from every signature of this address at once, and so are the emails we sent you. Your signatures still count, with no name: to take one out of the count too, withdraw it first. This cannot be undone.
mydata-erase-confirm = I understand: erase everything about this email address
mydata-erase-confirm-needed = Tick the box to say you want everything erased.
mydata-erase-button = Erase my data
mydata-erased-title = Your data is erased
mydata-erased-body = { $count ->
    [one] We erased your name, email address and everything else personal from your signature. It still counts, without a name.
   *[other] We erased your name, email address and everything else personal from your { $count } signatures. They still count, without a name.
}
mydata-expired-title = This link has expired
mydata-expired-body = Links to manage your signatures work for a short time, so that an old email cannot be used by someone else. We can send a new one to the same address.
mydata-renewed-title = A new link is on its way
mydata-renewed-body = If the address still has signatures here, a new link is on its way to it.
mydata-home-link = Go to the home page

## Links to the notice and to /my-data, beside forms and in the footer.
footer-privacy-link = Privacy notice
footer-my-data = Your signatures and data
sign-privacy-link = How we use your data
