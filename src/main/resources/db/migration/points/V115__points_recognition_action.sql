-- Issue 17: an organisation recognised at a level of an evaluation (evaluation RecognitionGranted) earns
-- points; withdrawing the recognition (RecognitionWithdrawn) reverses them (decision 47).
alter table point_rule drop constraint point_rule_action_check;
alter table point_rule add constraint point_rule_action_check check (action in ('CASE_SATISFIED', 'VISIT_COMPLETED',
    'ACTIVITY_HELD', 'DUES_PAID', 'DONATION_GIVEN', 'WELFARE_DELIVERED', 'HONOUR_AWARDED', 'RECOGNITION_GRANTED', 'MANUAL'));
alter table point_entry drop constraint point_entry_source_type_check;
alter table point_entry add constraint point_entry_source_type_check check (source_type in ('CASE', 'VISIT', 'ACTIVITY',
    'DUES_PAYMENT', 'DONATION', 'WELFARE_PROJECT', 'HONOUR', 'RECOGNITION', 'CLAIM'));
