-- A party's contact data belongs to the organisation that recorded it (decision 0019): a chamber
-- that enters an enterprise another chamber already has gets the enterprise's registered facts,
-- never the other chamber's phone or e-mail. One row per party and organisation; the organisation
-- path is copied so that "the contacts in my subtree" is one index range, as on membership.
create table party_contact (
    party_id     bigint       not null references party (id),
    org_id       bigint       not null references organization (id),
    org_path     varchar(500) not null,
    phone_cipher bytea,
    phone_hash   bytea,
    phone_masked varchar(11),
    phone_last4  varchar(4),
    email        varchar(200),
    updated_at   timestamptz  not null default now(),
    primary key (party_id, org_id)
);
create index party_contact_scope_ix on party_contact (org_path varchar_pattern_ops);
create index party_contact_phone_hash_ix on party_contact (phone_hash) where phone_hash is not null;
create index party_contact_phone_last4_ix on party_contact (phone_last4) where phone_last4 is not null;
create index party_contact_org_ix on party_contact (org_id);

-- Until now one phone and one e-mail were shared by every holder: each organisation that held a
-- membership could see them, so each keeps a copy of what it could see.
insert into party_contact (party_id, org_id, org_path, phone_cipher, phone_hash, phone_masked, phone_last4, email)
select distinct on (m.party_id, m.org_id) m.party_id, m.org_id, m.org_path, p.phone_cipher, p.phone_hash,
       p.phone_masked, p.phone_last4, p.email
from membership m join party p on p.id = m.party_id
where p.phone_cipher is not null or p.email is not null
order by m.party_id, m.org_id, m.joined_on desc;

drop index party_phone_hash_ix;
drop index party_phone_last4_ix;
alter table party drop column phone_cipher, drop column phone_hash, drop column phone_masked,
    drop column phone_last4, drop column email;
