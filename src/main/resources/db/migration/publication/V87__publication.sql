-- Publications (会刊 / 通讯): a periodical an organisation prints for its members (seed 000's 光彩通讯,
-- monthly, 10,000 copies), its issues as PDFs with their number and date, each issue's print run and
-- distribution list (copies per organisation), and who of the members read an issue online.

create table publication (
    id          bigint generated always as identity primary key,
    org_id      bigint        not null references organization (id),
    -- the publisher's path, copied so the data scope is one index range on this table
    org_path    varchar(500)  not null,
    title       varchar(100)  not null,
    created_by  bigint        not null,
    created_at  timestamptz   not null,
    unique (org_id, title)
);
create index publication_scope_ix on publication (org_path varchar_pattern_ops);

create table publication_issue (
    id              bigint generated always as identity primary key,
    publication_id  bigint        not null references publication (id),
    number          varchar(30)   not null,
    issued_on       date          not null,
    print_run       int           not null default 0 check (print_run >= 0),
    pdf_name        varchar(200)  not null,
    pdf             bytea         not null,
    pdf_size        int           not null,
    created_at      timestamptz   not null,
    unique (publication_id, number)
);
create index publication_issue_date_ix on publication_issue (publication_id, issued_on desc);

-- The distribution list: how many printed copies of an issue go to which organisation.
create table publication_distribution (
    issue_id  bigint not null references publication_issue (id),
    org_id    bigint not null references organization (id),
    copies    int    not null check (copies > 0),
    primary key (issue_id, org_id)
);

-- A member (party) who opened an issue online, the first time: the issue's online reads.
create table publication_read (
    issue_id       bigint       not null references publication_issue (id),
    party_id       bigint       not null,
    first_read_at  timestamptz  not null,
    primary key (issue_id, party_id)
);
