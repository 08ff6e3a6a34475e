-- Leadership with dated terms (会长, 副会长, 秘书长). A chamber's renewal (换届) is due when the
-- president's current term ends; a president who is not a non-public-economy person is flagged
-- (政会分开).
create table leadership_term (
    id                  bigint generated always as identity primary key,
    org_id              bigint       not null references organization (id),
    role                varchar(20)  not null check (role in ('PRESIDENT', 'VICE_PRESIDENT', 'SECRETARY_GENERAL')),
    person_name         varchar(100) not null,
    non_public_economy  boolean      not null default true,
    starts_on           date         not null,
    ends_on             date         not null,
    created_at          timestamptz  not null default now(),
    constraint leadership_term_dates check (ends_on > starts_on)
);
create index leadership_term_org_ix on leadership_term (org_id, role, ends_on desc);
create index leadership_term_president_end_ix on leadership_term (ends_on) where role = 'PRESIDENT';
