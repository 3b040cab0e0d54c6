-- 0004: the first name or nickname a centre keeps to recognise a child, apart from the participant so that it is
-- visible only to that centre and can be erased on its own.

CREATE TABLE participant_nicknames (
    centre_id integer NOT NULL,
    participant_id integer NOT NULL,
    nickname character varying(60) NOT NULL,
    CONSTRAINT pk_participant_nicknames PRIMARY KEY (centre_id, participant_id),
    CONSTRAINT fk_participant_nicknames_centres_centre_id FOREIGN KEY (centre_id) REFERENCES centres (id) ON DELETE CASCADE,
    CONSTRAINT fk_participant_nicknames_participants_participant_id FOREIGN KEY (participant_id) REFERENCES participants (id) ON DELETE CASCADE
);
CREATE INDEX ix_participant_nicknames_participant_id ON participant_nicknames (participant_id);
