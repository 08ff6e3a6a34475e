-- Members. A party (企业 / 个人 / 团体) is entered once; its memberships tie it to organisations.
-- Identity numbers and phones are stored encrypted (*_cipher), found by keyed hash (*_hash) and
-- shown masked (*_masked); nothing in this schema holds them in clear.
create extension if not exists pg_trgm;

-- GB/T 4754-2017: sections (A–T, section is null) and divisions (01–97, section set).
create table industry (
    code    varchar(2)   primary key,
    name    varchar(100) not null,
    section varchar(1)   references industry (code)
);

create table party (
    id                    bigint generated always as identity primary key,
    kind                  varchar(10)  not null check (kind in ('ENTERPRISE', 'PERSON', 'GROUP')),
    name                  varchar(200) not null,
    -- normalised name (no legal-form suffixes, brackets or spaces) for the duplicate report
    name_key              varchar(200) not null,
    -- enterprise
    credit_code           varchar(18),
    enterprise_kind       varchar(20)  check (enterprise_kind in ('PRIVATE_ENTERPRISE', 'INDIVIDUAL_BUSINESS', 'OTHER')),
    legal_representative  varchar(50),
    industry_code         varchar(2)   references industry (code),
    size_class            varchar(8)   check (size_class in ('LARGE', 'MEDIUM', 'SMALL', 'MICRO')),
    employees             int          check (employees >= 0),
    region_code           varchar(12)  references region (code),
    out_of_town           boolean      not null default false,
    high_tech             boolean      not null default false,
    -- person (非公有制经济人士)
    gender                varchar(6)   check (gender in ('MALE', 'FEMALE')),
    id_number_cipher      bytea,
    id_number_hash        bytea,
    id_number_masked      varchar(18),
    party_member          boolean      not null default false,
    public_roles          varchar(200),
    -- enterprise or person: the contact phone
    phone_cipher          bytea,
    phone_hash            bytea,
    phone_masked          varchar(11),
    phone_last4           varchar(4),
    -- group member: an organisation of the tree
    group_org_id          bigint       references organization (id),
    status                varchar(8)   not null default 'ACTIVE' check (status in ('ACTIVE', 'MERGED')),
    merged_into           bigint       references party (id),
    created_at            timestamptz  not null default now(),
    version               bigint       not null default 0,
    constraint party_enterprise_fields check (kind = 'ENTERPRISE' or (credit_code is null and enterprise_kind is null)),
    constraint party_person_fields check (kind = 'PERSON' or (id_number_hash is null and gender is null)),
    constraint party_group_fields check ((kind = 'GROUP') = (group_org_id is not null))
);
-- The de-duplication keys: one active party per credit code, identity number, organisation.
create unique index party_credit_code_uk on party (credit_code) where status = 'ACTIVE';
create unique index party_id_number_uk on party (id_number_hash) where status = 'ACTIVE';
create unique index party_group_uk on party (group_org_id) where status = 'ACTIVE';
create index party_phone_hash_ix on party (phone_hash);
create index party_phone_last4_ix on party (phone_last4);
create index party_name_key_ix on party (region_code, name_key);
-- also serves the foreign key: deleting or merging parties must not scan the table per row
create index party_merged_into_ix on party (merged_into) where merged_into is not null;

-- A person leads (is legal representative, chair, owner of) enterprises.
create table party_leader (
    person_id     bigint not null references party (id),
    enterprise_id bigint not null references party (id),
    primary key (person_id, enterprise_id)
);
create index party_leader_enterprise_ix on party_leader (enterprise_id);

create table membership (
    id            bigint generated always as identity primary key,
    party_id      bigint       not null references party (id),
    org_id        bigint       not null references organization (id),
    -- the organisation's path, copied so the data scope is one index range on this table
    org_path      varchar(500) not null,
    role          varchar(20)  not null check (role in ('PRESIDENT', 'VICE_PRESIDENT', 'SECRETARY_GENERAL',
                      'STANDING_DIRECTOR', 'DIRECTOR', 'SUPERVISOR', 'MEMBER')),
    tier          varchar(10)  not null check (tier in ('CORE', 'CLOSE', 'CONTACT', 'PERIPHERAL')),
    tier_reason   varchar(200),
    joined_on     date         not null,
    left_on       date,
    leave_reason  varchar(200),
    -- the party's facts the member list filters and sorts by, copied (kept by triggers below) so
    -- a scoped list is read from this table alone and joins the party for the page's rows only
    party_name    varchar(200),
    party_kind    varchar(10),
    enterprise_kind varchar(20),
    industry_code varchar(2),
    party_region_code varchar(12),
    out_of_town   boolean,
    high_tech     boolean,
    created_at    timestamptz  not null default now(),
    version       bigint       not null default 0,
    constraint membership_dates check (left_on is null or left_on >= joined_on),
    constraint membership_leave_reason check (left_on is null or leave_reason is not null)
);
-- One current membership of a party in an organisation.
create unique index membership_current_uk on membership (party_id, org_id) where left_on is null;
create index membership_scope_ix on membership (org_path varchar_pattern_ops, joined_on);
create index membership_party_ix on membership (party_id);
create index membership_org_ix on membership (org_id);
-- A large pending list lets an import of 100,000 members append to the index instead of merging
-- trigrams inline; autovacuum merges it later (searches read the pending list meanwhile).
create index membership_party_name_trgm_ix on membership using gin (party_name gin_trgm_ops)
    with (gin_pending_list_limit = 65536);
-- A bulk insert that already carries the copies (the import, from the same party rows) skips the lookup.
create function membership_copy_party() returns trigger language plpgsql as $$
begin
    if tg_op = 'INSERT' and new.party_kind is not null then
        return new;
    end if;
    select p.name, p.kind, p.enterprise_kind, p.industry_code, p.region_code, p.out_of_town, p.high_tech
    into new.party_name, new.party_kind, new.enterprise_kind, new.industry_code, new.party_region_code,
         new.out_of_town, new.high_tech
    from party p where p.id = new.party_id;
    return new;
end $$;

create trigger membership_copy_party before insert or update of party_id on membership
    for each row execute function membership_copy_party();

create function party_copy_to_memberships() returns trigger language plpgsql as $$
begin
    update membership set party_name = new.name, party_kind = new.kind, enterprise_kind = new.enterprise_kind,
                          industry_code = new.industry_code, party_region_code = new.region_code,
                          out_of_town = new.out_of_town, high_tech = new.high_tech
    where party_id = new.id;
    return null;
end $$;

create trigger party_copy_to_memberships after update of name, kind, enterprise_kind, industry_code, region_code,
    out_of_town, high_tech on party
    for each row when ((old.name, old.kind, old.enterprise_kind, old.industry_code, old.region_code, old.out_of_town,
                        old.high_tech)
                       is distinct from (new.name, new.kind, new.enterprise_kind, new.industry_code, new.region_code,
                                         new.out_of_town, new.high_tech))
    execute function party_copy_to_memberships();

-- memberships that end in the future are still current: the figures add these few live
create index membership_left_on_ix on membership (left_on) where left_on is not null;

-- The member-structure figures read this tally, not the million membership rows: open-ended
-- memberships counted per organisation and per combination of the dimensions the figures
-- show. Statement-level triggers with transition tables keep it exact in the same
-- transaction, set-based, so an import of 100,000 rows updates it with one grouped statement.
create table member_tally (
    org_id          bigint       not null references organization (id),
    org_path        varchar(500) not null,
    kind            varchar(10)  not null,
    enterprise_kind varchar(20)  not null,
    out_of_town     boolean      not null,
    high_tech       boolean      not null,
    role            varchar(20)  not null,
    tier            varchar(10)  not null,
    members         bigint       not null,
    primary key (org_id, kind, enterprise_kind, out_of_town, high_tech, role, tier)
);
create index member_tally_path_ix on member_tally (org_path varchar_pattern_ops);

-- (Transition tables are visible only inside the trigger function itself, hence the repetition.)
create function member_tally_inserted() returns trigger language plpgsql as $$
begin
    insert into member_tally as t (org_id, org_path, kind, enterprise_kind, out_of_town, high_tech, role, tier, members)
    select m.org_id, m.org_path, p.kind, coalesce(p.enterprise_kind, ''), p.out_of_town, p.high_tech, m.role, m.tier,
           count(*)
    from new_memberships m join party p on p.id = m.party_id
    where m.left_on is null
    group by 1, 2, 3, 4, 5, 6, 7, 8
    on conflict (org_id, kind, enterprise_kind, out_of_town, high_tech, role, tier)
    do update set members = t.members + excluded.members;
    return null;
end $$;

create function member_tally_deleted() returns trigger language plpgsql as $$
begin
    insert into member_tally as t (org_id, org_path, kind, enterprise_kind, out_of_town, high_tech, role, tier, members)
    select m.org_id, m.org_path, p.kind, coalesce(p.enterprise_kind, ''), p.out_of_town, p.high_tech, m.role, m.tier,
           -count(*)
    from old_memberships m join party p on p.id = m.party_id
    where m.left_on is null
    group by 1, 2, 3, 4, 5, 6, 7, 8
    on conflict (org_id, kind, enterprise_kind, out_of_town, high_tech, role, tier)
    do update set members = t.members + excluded.members;
    return null;
end $$;

create function member_tally_updated() returns trigger language plpgsql as $$
begin
    insert into member_tally as t (org_id, org_path, kind, enterprise_kind, out_of_town, high_tech, role, tier, members)
    select m.org_id, m.org_path, p.kind, coalesce(p.enterprise_kind, ''), p.out_of_town, p.high_tech, m.role, m.tier,
           -count(*)
    from old_memberships m join party p on p.id = m.party_id
    where m.left_on is null
    group by 1, 2, 3, 4, 5, 6, 7, 8
    on conflict (org_id, kind, enterprise_kind, out_of_town, high_tech, role, tier)
    do update set members = t.members + excluded.members;
    insert into member_tally as t (org_id, org_path, kind, enterprise_kind, out_of_town, high_tech, role, tier, members)
    select m.org_id, m.org_path, p.kind, coalesce(p.enterprise_kind, ''), p.out_of_town, p.high_tech, m.role, m.tier,
           count(*)
    from new_memberships m join party p on p.id = m.party_id
    where m.left_on is null
    group by 1, 2, 3, 4, 5, 6, 7, 8
    on conflict (org_id, kind, enterprise_kind, out_of_town, high_tech, role, tier)
    do update set members = t.members + excluded.members;
    return null;
end $$;

create trigger membership_tally_insert after insert on membership
    referencing new table as new_memberships for each statement execute function member_tally_inserted();
create trigger membership_tally_delete after delete on membership
    referencing old table as old_memberships for each statement execute function member_tally_deleted();
create trigger membership_tally_update after update on membership
    referencing old table as old_memberships new table as new_memberships
    for each statement execute function member_tally_updated();

-- A party's kind, origin or high-tech flag changes: move its open memberships between tallies.
create function member_tally_party_updated() returns trigger language plpgsql as $$
begin
    insert into member_tally as t (org_id, org_path, kind, enterprise_kind, out_of_town, high_tech, role, tier, members)
    select m.org_id, m.org_path, x.kind, x.enterprise_kind, x.out_of_town, x.high_tech, m.role, m.tier, sum(x.sign)
    from (select o.id, o.kind, coalesce(o.enterprise_kind, '') as enterprise_kind, o.out_of_town, o.high_tech, -1 as sign
          from old_parties o join new_parties n on n.id = o.id
          where (o.kind, coalesce(o.enterprise_kind, ''), o.out_of_town, o.high_tech)
                is distinct from (n.kind, coalesce(n.enterprise_kind, ''), n.out_of_town, n.high_tech)
          union all
          select n.id, n.kind, coalesce(n.enterprise_kind, ''), n.out_of_town, n.high_tech, 1
          from old_parties o join new_parties n on n.id = o.id
          where (o.kind, coalesce(o.enterprise_kind, ''), o.out_of_town, o.high_tech)
                is distinct from (n.kind, coalesce(n.enterprise_kind, ''), n.out_of_town, n.high_tech)) x
    join membership m on m.party_id = x.id and m.left_on is null
    group by 1, 2, 3, 4, 5, 6, 7, 8
    on conflict (org_id, kind, enterprise_kind, out_of_town, high_tech, role, tier)
    do update set members = t.members + excluded.members;
    return null;
end $$;

create trigger party_tally_update after update on party
    referencing old table as old_parties new table as new_parties
    for each statement execute function member_tally_party_updated();

-- Imports and large exports run in the background; the page polls the job for its progress.
-- A job is seen only by the account that started it.
create table member_job (
    id              bigint generated always as identity primary key,
    kind            varchar(8)   not null check (kind in ('IMPORT', 'EXPORT')),
    account_id      bigint       not null references user_account (id),
    org_id          bigint       references organization (id),
    status          varchar(8)   not null default 'QUEUED' check (status in ('QUEUED', 'RUNNING', 'DONE', 'FAILED')),
    file_name       varchar(200),
    import_good_rows boolean     not null default false,
    total_rows      int,
    processed_rows  int          not null default 0,
    parties_created int          not null default 0,
    memberships_added int        not null default 0,
    unchanged_rows  int          not null default 0,
    error_rows      int          not null default 0,
    written         boolean      not null default false,
    skipped_rows    text,
    message         varchar(1000),
    result          bytea,
    result_name     varchar(200),
    created_at      timestamptz  not null default now(),
    finished_at     timestamptz
);
create index member_job_account_ix on member_job (account_id, created_at desc);

-- Join applications (入会申请), from the chamber's public page or entered by staff. The applicant
-- follows it with the tracking token; personal data is protected as in party.
create table join_application (
    id                bigint generated always as identity primary key,
    org_id            bigint       not null references organization (id),
    org_path          varchar(500) not null,
    token             varchar(40)  not null unique,
    kind              varchar(10)  not null check (kind in ('ENTERPRISE', 'PERSON')),
    name              varchar(200) not null,
    credit_code       varchar(18),
    enterprise_kind   varchar(20),
    contact_name      varchar(50),
    industry_code     varchar(2)   references industry (code),
    region_code       varchar(12)  references region (code),
    id_number_cipher  bytea,
    id_number_masked  varchar(18),
    phone_cipher      bytea        not null,
    phone_masked      varchar(11)  not null,
    message           varchar(1000),
    status            varchar(10)  not null default 'SUBMITTED' check (status in ('SUBMITTED', 'APPROVED', 'REJECTED')),
    decision_reason   varchar(500),
    decided_by        varchar(64),
    decided_at        timestamptz,
    party_id          bigint       references party (id),
    submitted_at      timestamptz  not null default now(),
    constraint join_application_rejection_reason check (status <> 'REJECTED' or decision_reason is not null)
);
create index join_application_scope_ix on join_application (org_path varchar_pattern_ops, status, submitted_at desc);

-- A member's own sign-in (member portal): the account is tied to one person, never to an
-- organisation, so its data scope is empty and it sees only what the portal shows it.
create table member_account (
    account_id bigint primary key references user_account (id),
    party_id   bigint not null unique references party (id)
);
