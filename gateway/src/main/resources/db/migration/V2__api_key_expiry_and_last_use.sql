-- A key may expire (optional), and shows when it was last used (recorded at most once a minute per key).
alter table api_key add column expires_at timestamptz;
alter table api_key add column last_used_at timestamptz;
