-- An out-of-town chamber (异地商会) is formed by the people of one place doing business in another.
-- A chamber of this county's people elsewhere belongs to the home federation but sits in another
-- county or province: its region_code is where it sits, and its origin (来源地, the home area whose
-- people formed it) lies inside the parent's region. A chamber sitting inside its parent's region
-- may name the origin of its people, wherever that is. Only out-of-town chambers have an origin
-- (decision 31); those registered before sit inside their parent's region and keep none.
alter table organization add column origin_region_code varchar(12) references region (code);
alter table organization add constraint organization_origin_only_out_of_town
    check (origin_region_code is null or chamber_kind = 'OUT_OF_TOWN');
