-- Accounts' names and organisations, published for other modules' set-based reads (decision 27's
-- published views): the account picker (issue 15) finds the accounts of the caller's subtree by
-- sign-in or display name inside one statement with the organisation tree, which no list of ids
-- by call serves. A plain view over the table (the planner reads through it); its columns are a
-- contract the identity module keeps. Never the password hash.
create view published_account as
select id as account_id, username, display_name, org_id, enabled
from user_account;
