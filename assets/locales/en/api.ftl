## API tokens for partner groups' systems (/osdi/v1).

staff-nav-tokens = API tokens
tokens-title = API tokens for partner groups
tokens-lede = A token lets a partner group's system (Action Network, CiviCRM) read the signatures that came in under its source code, and record signatures that count once their signers confirm them by email. Names are given only where a signer agreed to show theirs; email addresses never.
tokens-issued = copy this token now and give it to the group safely. It is not shown again.
tokens-none = No token has been issued yet.
tokens-name = Name
tokens-name-hint = Who it is for, for example "Bihar network's CiviCRM".
tokens-source = Source code
tokens-source-hint = The group's code in its links (?source=bihar-network): lowercase letters, digits, - and _.
tokens-issued-on = Issued
tokens-last-used = Last used
tokens-state = In use
tokens-revoked-on = Revoked on { $date }
tokens-revoke = Revoke
tokens-new = Issue a token
tokens-issue = Issue the token
error-token-source = Give a code of lowercase letters, digits, - and _, at most 40
done-token-revoked = The token is revoked: it no longer opens the API.
