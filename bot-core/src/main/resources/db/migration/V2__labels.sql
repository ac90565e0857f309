-- What the team taught the classifier: one label per case, the latest wins. Reclassifying a case labels it with
-- the new kind, dismissing labels it "other", marking it responded confirms its kind.
CREATE TABLE label_example (
    case_id    BIGINT        NOT NULL PRIMARY KEY REFERENCES care_case (id),
    kind       VARCHAR(16)   NOT NULL,
    origin     VARCHAR(16)   NOT NULL,
    text       VARCHAR(40000) NOT NULL,
    labelled_at TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX label_example_time ON label_example (labelled_at);
