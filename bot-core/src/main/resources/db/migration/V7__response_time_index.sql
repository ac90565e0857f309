-- "Used before" suggestions read the latest answered cases, and /care status today's first responses, by
-- first_response_at: an index range instead of a scan of every case (measured by the benchmark, figures 1 and 4).
CREATE INDEX care_case_first_response ON care_case (first_response_at);
