-- dyad knowledge graph, schema version 4: where events happened.

-- Each mention keeps the place its sentence names for the event (a place of the gazetteer,
-- or only a state: docs/places.md); NULL where the sentence says none. An event keeps the
-- first place reported, filled in by a later mention when the first one named none.
ALTER TABLE mentions ADD COLUMN location_place TEXT;
ALTER TABLE mentions ADD COLUMN location_country TEXT;
ALTER TABLE mentions ADD COLUMN location_region TEXT;
ALTER TABLE mentions ADD COLUMN location_lat REAL;
ALTER TABLE mentions ADD COLUMN location_lon REAL;
ALTER TABLE events ADD COLUMN location_place TEXT;
ALTER TABLE events ADD COLUMN location_country TEXT;
ALTER TABLE events ADD COLUMN location_lat REAL;
ALTER TABLE events ADD COLUMN location_lon REAL;
CREATE INDEX events_location ON events (location_country, date);
