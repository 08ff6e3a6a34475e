-- The policy library (政策法规库): policies an organisation of the tree publishes for members — who
-- issued them, their document number, when they apply, to which regions and industries (GB/T 4754
-- sections or divisions, as the member module stores an enterprise's industry) and topics — and
-- members' subscriptions to new ones by mail. The publication module's own tables.
--
-- Chinese keyword search (decision 0040): PostgreSQL has no Chinese parser, and pg_trgm cannot serve
-- the two-character words people search most (税收, 融资). Each policy keeps the distinct bigrams
-- (two-character pieces) of its title, issuer, number and text in search_grams under a GIN index;
-- a keyword's bigrams must all be present (the index), then the text must contain the keyword (the
-- recheck). One-character keywords fall back to a scan of the title and issuer.

create table policy (
    id              bigint generated always as identity primary key,
    org_id          bigint        not null references organization (id),
    -- the publishing organisation's path, copied so the data scope is one index range on this table
    org_path        varchar(500)  not null,
    title           varchar(300)  not null,
    issuer          varchar(200)  not null,
    doc_number      varchar(100),
    issued_on       date          not null,
    valid_from      date,
    valid_to        date,
    -- administrative division codes the policy applies to (a province applies to all below it); none: everywhere
    region_codes    varchar(12)[] not null default '{}',
    -- GB/T 4754 sections (A–T) or divisions (01–97); none: every industry
    industry_codes  varchar(2)[]  not null default '{}',
    topics          varchar(20)[] not null default '{}',
    body            text          not null,
    search_grams    text[]        not null,
    status          varchar(10)   not null check (status in ('DRAFT', 'PUBLISHED')),
    published_at    timestamptz,
    created_by      bigint        not null,
    created_at      timestamptz   not null,
    constraint policy_validity check (valid_to is null or valid_from is null or valid_to >= valid_from)
);
create index policy_scope_ix on policy (org_path varchar_pattern_ops, issued_on);
create index policy_grams_ix on policy using gin (search_grams);
create index policy_industries_ix on policy using gin (industry_codes);
create index policy_topics_ix on policy using gin (topics);
create index policy_published_ix on policy (published_at desc) where status = 'PUBLISHED';

-- A member (party) who wants new policies that apply to them by mail, at this address.
create table policy_subscription (
    party_id    bigint        primary key,
    email       varchar(254)  not null,
    created_at  timestamptz   not null
);
