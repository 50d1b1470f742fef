-- Member search (the console's "find a member"): by name or email, partial, whatever the case and accents.
--
-- The search text is folded the same way in the index and in the query by member_fold(), an immutable function of
-- plain translate() and lower(). unaccent() would do the folding, but it is not immutable (its rules file can
-- change under an index) and is not installed on every server; this map covers the Latin letters members' names
-- use. Upper-case letters are mapped explicitly too, so the folding does not depend on the database's locale.
CREATE FUNCTION member_fold(value text) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT AS
$$
SELECT lower(translate(replace(replace(replace(replace(replace(replace(value,
        'ß', 'ss'), 'Æ', 'ae'), 'æ', 'ae'), 'Œ', 'oe'), 'œ', 'oe'), 'ẞ', 'ss'),
    'ÀÁÂÃÄÅĀĂĄàáâãäåāăąÇĆČĈĊçćčĉċĎĐďđÈÉÊËĒĔĖĘĚèéêëēĕėęěĜĞĠĢĝğġģĤĥÌÍÎÏĨĪĬĮİìíîïĩīĭįıĴĵĶķĹĻĽĿŁĺļľŀłÑŃŅŇñńņňÒÓÔÕÖØŌŎŐòóôõöøōŏőŔŖŘŕŗřŚŜŞŠȘśŝşšșŢŤȚţťțÙÚÛÜŨŪŬŮŰŲùúûüũūŭůűųŴŵÝŸŶýÿŷŹŻŽźżž',
    'AAAAAAAAAaaaaaaaaaCCCCCcccccDDddEEEEEEEEEeeeeeeeeeGGGGggggHhIIIIIIIIIiiiiiiiiiJjKkLLLLLlllllNNNNnnnnOOOOOOOOOoooooooooRRRrrrSSSSSsssssTTTtttUUUUUUUUUUuuuuuuuuuuWwYYYyyyZZZzzz'))
$$;

-- What a name search looks through: first and last name and the email, folded as member_fold() does. It repeats
-- the folding rather than calling member_fold(): PostgreSQL 17 builds an index with search_path = pg_catalog, where
-- a function of this schema cannot be found by name.
CREATE FUNCTION member_search_text(first_name text, last_name text, email text) RETURNS text
    LANGUAGE sql IMMUTABLE PARALLEL SAFE AS
$$
SELECT lower(translate(replace(replace(replace(replace(replace(replace(coalesce(first_name, '') || ' ' || coalesce(last_name, '') || ' ' || coalesce(email, ''),
        'ß', 'ss'), 'Æ', 'ae'), 'æ', 'ae'), 'Œ', 'oe'), 'œ', 'oe'), 'ẞ', 'ss'),
    'ÀÁÂÃÄÅĀĂĄàáâãäåāăąÇĆČĈĊçćčĉċĎĐďđÈÉÊËĒĔĖĘĚèéêëēĕėęěĜĞĠĢĝğġģĤĥÌÍÎÏĨĪĬĮİìíîïĩīĭįıĴĵĶķĹĻĽĿŁĺļľŀłÑŃŅŇñńņňÒÓÔÕÖØŌŎŐòóôõöøōŏőŔŖŘŕŗřŚŜŞŠȘśŝşšșŢŤȚţťțÙÚÛÜŨŪŬŮŰŲùúûüũūŭůűųŴŵÝŸŶýÿŷŹŻŽźżž',
    'AAAAAAAAAaaaaaaaaaCCCCCcccccDDddEEEEEEEEEeeeeeeeeeGGGGggggHhIIIIIIIIIiiiiiiiiiJjKkLLLLLlllllNNNNnnnnOOOOOOOOOoooooooooRRRrrrSSSSSsssssTTTtttUUUUUUUUUUuuuuuuuuuuWwYYYyyyZZZzzz'))
$$;

-- A CRM record id is looked up without knowing which CRM holds it (the primary key leads with the system).
CREATE INDEX member_identities_external_id ON member_identities (external_id);

-- A partial match ('%ann%smi%') is served by a trigram index when pg_trgm can be installed (it ships with
-- PostgreSQL and is a trusted extension); without it the search still answers, by a scan.
DO
$$
BEGIN
    IF EXISTS (SELECT 1 FROM pg_available_extensions WHERE name = 'pg_trgm') THEN
        BEGIN
            CREATE EXTENSION IF NOT EXISTS pg_trgm;
            CREATE INDEX members_search_trgm ON members
                USING gin (member_search_text(first_name, last_name, email) gin_trgm_ops);
        EXCEPTION WHEN insufficient_privilege THEN
            RAISE NOTICE 'pg_trgm could not be installed (%): member search scans instead', SQLERRM;
        END;
    END IF;
END
$$;
