-- Issue 17: welfare donations and delivered projects, and honours, earn points through the events
-- of the welfare and honour modules (decision 36).
alter table point_rule drop constraint point_rule_action_check;
alter table point_rule add constraint point_rule_action_check check (action in ('CASE_SATISFIED', 'VISIT_COMPLETED',
    'ACTIVITY_HELD', 'DUES_PAID', 'DONATION_GIVEN', 'WELFARE_DELIVERED', 'HONOUR_AWARDED', 'MANUAL'));
alter table point_entry drop constraint point_entry_source_type_check;
alter table point_entry add constraint point_entry_source_type_check check (source_type in ('CASE', 'VISIT', 'ACTIVITY',
    'DUES_PAYMENT', 'DONATION', 'WELFARE_PROJECT', 'HONOUR', 'CLAIM'));
