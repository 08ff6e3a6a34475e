-- A campaign's receipts by date: the finance disclosure (三公开) sums an organisation's donations received in a year.
create index welfare_receipt_campaign_date_ix on welfare_receipt (campaign_id, received_on) include (money_fen);
create index welfare_campaign_org_ix on welfare_campaign (org_id);
