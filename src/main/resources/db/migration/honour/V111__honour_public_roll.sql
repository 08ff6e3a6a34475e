-- An organisation's public honour roll (issue 18: "a public roll per organisation that the
-- organisation may publish"): a row while the organisation publishes it. The signed-out page reads
-- the awards of the organisation's subtree that stand (not revoked), showing what a certificate
-- shows except its number; no row, no page.
create table honour_public_roll (
    org_id        bigint      primary key references organization (id),
    published_at  timestamptz not null,
    published_by  bigint      not null
);
