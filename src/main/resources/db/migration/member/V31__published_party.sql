-- Parties' names, published for other modules' set-based reads (decision 0029): the case list
-- searches a province's cases by the member's name inside its statement, which no batch of names
-- by id serves. A plain view over the table (the planner reads through it, as before); its
-- columns are a contract the member module keeps. Names by id for a page are
-- PartyDirectory.partyNamesByIdUnscoped.
create view published_party as
select id as party_id, name
from party;
