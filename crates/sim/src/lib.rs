//! Local Kaltura api_v3 simulator (placeholder until the session issue).
