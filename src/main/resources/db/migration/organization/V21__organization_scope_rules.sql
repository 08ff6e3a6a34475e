-- Whether an organisation's public join page (/join/{id}, no sign-in) takes applications.
-- Chambers recruit members from the public; federations and associations do not, unless whoever
-- edits them says so. Read through Organizations.findAcceptingJoinApplications.
alter table organization add column accepts_join_applications boolean not null default false;
update organization set accepts_join_applications = true where type = 'CHAMBER';
