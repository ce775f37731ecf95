export function helpText(defaultDb: string, maxScale: number): string {
  return `Community Safety Planner — command line over the same core as the desktop app.

Usage
  npm run -s cli -- [--db FILE] <command> [arguments] [--json]
  (-s keeps npm's own lines off stdout, so "call" and --json print only JSON.)

First start: start a territory, or join one
  init --start-territory NAME --computer NAME --user NAME [--lang en|fr]
      The coordinator's computer: creates the territory and its key, and prints the
      territory fingerprint every joining computer checks with you by phone.
  init --join --computer NAME --user NAME --request-out FILE [--lang en|fr]
      A detachment or community office computer: writes its enrolment request for the
      coordinator. Then: enrol accept BUNDLE --territory-fingerprint FP.
  init --computer NAME --user NAME
      An unenrolled scratch database (no territory; peers trusted by fingerprint).

Enrolment (the coordinator says who is who)
  enrol request --out FILE          This computer's enrolment request (again, to re-enrol).
  enrol read FILE                   Read a request; shows its id and key fingerprint.
  enrol issue REQUEST_ID --role detachment|community-office|coordinator --community C … --out FILE.planbundle
        [--passphrase-file F | --no-encryption]
      Issue a certificate (signed by the territory key) for the communities named (ids or
      names; not for a coordinator) and write the enrolment bundle: only that computer's
      communities and the territory, encrypted to the key its request names. A passphrase
      (or --no-encryption) is needed only for a request written by an older planner.
  enrol reenrol REQUEST_ID --replaces SERIAL --out FILE.planbundle [--passphrase-file F | --no-encryption]
      Enrol a replacement computer with the role and communities of SERIAL (revoked).
  enrol accept FILE --territory-fingerprint FP [--passphrase-file F]
      On the joining computer: check the bundle against the fingerprint read by phone,
      take the certificate and import the data.
  enrol list                        Requests read here and certificates issued.
  enrol revoke SERIAL --reason TEXT
      The computer's later changes are refused everywhere once the revocation travels.
  territory recovery --out FILE     The territory key, encrypted with a recovery code
                                    printed once: keep both apart.
  territory recover FILE --code CODE
      Put the territory key on this (new) coordinator computer.
  territory rotate-key              A new territory key, handed over by the old one.

Commands
  init [--demo] [--seed N] [--scale N] [--now YYYY-MM-DD]
      Create the database, or bring an existing one up to date (and say how to set it up).
      The demo goes in a database of its own, marked as demo. With --demo, fill an
      empty database with a demo territory: 33 communities, 12 of them with plans over
      2 + N fiscal years (scale 1 to ${maxScale}) ending in the year of --now (default today).
      The same seed, scale and date give the same plans, people and history.
  call <method> [JSON | -]
      Call one method with a JSON input (default {}; "-" reads it from stdin) and print
      the result envelope as JSON: {"ok": true, "value": …} or {"ok": false, "error": …}.
  call --batch
      Many calls in one process: one {"method": …, "input": …} per line on stdin, one
      envelope per line on stdout, in order. Exit 0 when all succeeded, 2 when any was
      refused, 1 when any failed.
  methods [--json]
      List every method with its summary and input fields; --json adds JSON Schemas.

Territory reference data (the coordinator's lists), through "call"
  call regions:create '{"nameEn":"North Slave","nameFr":"Slave Nord"}'
  call communities:create '{"name":"Behchokǫ̀","otherNames":["Rae-Edzo"],"regionId":"REGION_ID","hasDetachment":true}'
  call detachments:create '{"name":"Behchokǫ̀ detachment","nameFr":"Détachement de Behchokǫ̀","servesCommunityIds":["COMMUNITY_ID"]}'
  call themes:standard, then themes:create for each theme wanted (English and French labels)
      Also: *:update, *:retire {"regionId": "…", "retired": true} for regions, communities,
      detachments, themes, organisations and people; commitments:create/edit,
      milestones:create/update. A retired record stays on old plans and reports and leaves
      the lists for new work ("includeRetired": true lists it).
  call reference:template '{"kind":"communities","format":"csv"}'
      A spreadsheet template (CSV or XLSX) for regions, communities, detachments, themes,
      organisations or people.
  call reference:previewImport '{"kind":"communities","file":"communities.csv"}'
  call reference:import '{"kind":"communities","file":"communities.csv"}'
      Check a filled spreadsheet (each row's problem as a sentence), then import it all or
      nothing. A row whose name matches an existing record changes it.
  --community (report) and --scope (peers trust) take an id or any of a community's
  names, with or without diacritics and apostrophes ("Lutselke", "Hay River Reserve");
  when none fits, the closest names are suggested.

Plan bundles (files carried by USB stick or email between computers)
  export (--to PEER [--also-to PEER]… | --full) --out FILE.planbundle [--passphrase-file F | --no-encryption]
      Write a bundle: for a peer (its installation id or fingerprint), everything it has
      not acknowledged yet; with --full, everything (for a computer met for the first time).
      Bundles are encrypted to each recipient's key (--also-to adds recipients, e.g. a
      detachment's community office): enrolled computers need no passphrase. Where no key
      is known (a full bundle, a computer not enrolled), give a passphrase in a file (its
      first line), or "-" to read it from stdin; at a terminal you are asked for it.
  import FILE [--dry-run] [--passphrase-file F] [--trust-new-sender (--scope COMMUNITY … | --all-communities)]
      Import a bundle in one all-or-nothing step, after a backup. --dry-run shows what it
      would change (sender and trust, changes per plan, new conflicts, gaps) and changes
      nothing. A sender never seen here is refused with its fingerprint: check it with the
      sender by phone, then import again with --trust-new-sender and the communities it
      may change (--scope, repeated or comma-separated; --all-communities only for the
      coordinator's computer). Computers enrolled in the same territory need no trust step.
  inspect FILE [--passphrase-file F]
      The bundle's header; with the passphrase, who sent it and what it holds.
  digest
      First line: a hash of the plans and conflicts, equal on two computers exactly when
      they hold the same; then one line per partition held (territory, each community).
  conflicts [list]
  conflicts resolve ID (--pick OP_ID | --value TEXT)
      Edits made on two computers at once, with every version; keep one, or type a merge
      ("--value -" reads it from stdin). A unique beginning of an id is enough. The
      choice travels with the next bundle.
  peers [list]
  peers trust FINGERPRINT (--scope COMMUNITY … | --all-communities) [--name NAME]
  peers revoke FINGERPRINT
      The computers whose bundles are accepted. --scope (repeat it, or separate with
      commas; ids or names) names the communities a peer may change; --all-communities
      trusts it for every community (the coordinator's computer). --name alone renames
      and keeps the scope.
  whoami
      This computer's installation id, name and key fingerprint (read it to your peers).
  help
      Show this text.

Reports and exports (no network: the PDF is printed by Debian's Chromium from the app's own page)
  report quarterly --community ID --fy YEAR --quarter N --out FILE.pdf [--lang fr] [--public] [--paper a4]
      The quarterly community report for chief and council: each priority with its actions'
      status, narrative and next steps, indicators against baseline and target with a trend.
      --community takes an id or a name. --public suppresses counts below 5 ("fewer than 5")
      and leaves narratives out. Letter paper unless --paper a4.
  report annual --community ID --fy YEAR --out FILE.pdf [--lang fr] [--public] [--paper a4]
      The annual plan for sign-off (priorities, actions, owners, indicators, targets,
      signature blocks) and the year-end summary: completed, carried forward, discontinued.
  export-csv --out DIR [--fy YEAR] [--public] [--lang fr]
      One CSV file per roll-up view and per raw table (plans, priorities, actions,
      indicators, values, progress, reports), UTF-8 with BOM. Default year: the current one.
  export-xlsx --out FILE.xlsx [--fy YEAR] [--public] [--lang fr]
      The same tables as sheets of one workbook.

Backups (a copy of this computer's database; only this computer can restore its own)
  backup
      Make a backup now, in the chosen backup folder (a USB stick, chosen in Settings), or
      beside the database when that folder cannot be found; prints where it went.
  backups [list]
      The backups, newest first: when, why (by hand, on exit, before an import…), size, file.
  restore FILE [--yes]
      Without --yes: what the backup holds (date, why, territory, communities, plans per
      fiscal year, changesets) and what a restore does; nothing is changed. With --yes: a
      backup of the data as it is now, then the backup restored and checked. Changes made
      since then come back from other computers with their next plan bundles.

Options
  --db FILE   The database file. Without it: the desktop app's own database,
              ${defaultDb}
  --json      The answer as JSON on stdout (a refusal as {"error": …}), for scripts.

Exit codes
  0 done · 1 something went wrong (the sentence says what) · 2 refused: a mistake in the
  command, invalid JSON, an unknown method, an input or request the planner refuses, or a
  bundle refused (damaged, wrong passphrase, untrusted sender, out of scope).

Examples
  npm run -s cli -- --db demo.db init --demo --seed 7
  npm run -s cli -- --db demo.db call communities:list '{}'
  npm run -s cli -- --db demo.db call completeness:matrix '{"fiscalYear": 2026}'
  echo '{"fiscalYear": 2026}' | npm run -s cli -- --db demo.db call plans:list -
  npm run -s cli -- methods --json > methods.json
  npm run -s cli -- --db demo.db export --full --out territory.planbundle --passphrase-file pass.txt
  npm run -s cli -- --db site.db init --computer "Inuvik site" --user "Jo"
  npm run -s cli -- --db site.db import territory.planbundle --dry-run --passphrase-file pass.txt
  npm run -s cli -- --db site.db import territory.planbundle --passphrase-file pass.txt --trust-new-sender --all-communities
  npm run -s cli -- --db site.db export --to 7QAZ-427U-A7KT-4KKP-HNZS-VC5G-5HFQ-J7UY --out to-coordinator.planbundle --passphrase-file pass.txt
  npm run -s cli -- --db site.db digest
  npm run -s cli -- --db site.db conflicts list
  npm run -s cli -- --db site.db conflicts resolve cf_2884 --pick 01M85QNT   (unique beginnings of the ids)
  npm run -s cli -- --db site.db peers trust 7QAZ-427U-A7KT-4KKP-HNZS-VC5G-5HFQ-J7UY --scope Inuvik --scope Aklavik

Environment
  CSP_DEBUG=1   also print the stack trace of an unexpected error.
`;
}
