// troopwatch overrides msgpackr's optional native extension with this empty
// stand-in. The registry this project installs from serves only the Linux
// builds of msgpackr-extract, so `npm install` writes a lock file that
// `npm ci` then rejects as out of sync ("Missing: …-darwin-arm64 …"). The
// extension only speeds up MessagePack string decoding; msgpackr checks for
// a falsy export and falls back to its JavaScript decoder.
module.exports = null;
