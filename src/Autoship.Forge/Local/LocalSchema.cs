namespace Autoship.Forge.Local;

/// <summary>The forge database's migrations, applied in order; <c>schema_version</c> records how far a database got.</summary>
internal static class LocalSchema
{
    public static readonly IReadOnlyList<string> Migrations =
    [
        """
        CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT NOT NULL);
        CREATE TABLE users(login TEXT PRIMARY KEY COLLATE NOCASE, role TEXT NOT NULL CHECK (role IN ('owner','writer','reader')));
        CREATE TABLE labels(name TEXT PRIMARY KEY COLLATE NOCASE, color TEXT NOT NULL, description TEXT NOT NULL);
        CREATE TABLE issues(
            number INTEGER PRIMARY KEY,
            kind TEXT NOT NULL CHECK (kind IN ('issue','pr')),
            title TEXT NOT NULL, body TEXT NOT NULL, author TEXT NOT NULL,
            state TEXT NOT NULL CHECK (state IN ('open','closed')),
            created_at TEXT NOT NULL, updated_at TEXT NOT NULL);
        CREATE TABLE issue_labels(number INTEGER NOT NULL, label TEXT NOT NULL COLLATE NOCASE, PRIMARY KEY (number, label));
        CREATE TABLE comments(id INTEGER PRIMARY KEY AUTOINCREMENT, number INTEGER NOT NULL, author TEXT NOT NULL, body TEXT NOT NULL,
            created_at TEXT NOT NULL, updated_at TEXT NOT NULL);
        CREATE TABLE assignees(number INTEGER NOT NULL, login TEXT NOT NULL COLLATE NOCASE, PRIMARY KEY (number, login));
        CREATE TABLE pull_requests(number INTEGER PRIMARY KEY, head TEXT NOT NULL, base TEXT NOT NULL,
            state TEXT NOT NULL CHECK (state IN ('open','closed','merged')), merge_sha TEXT);
        CREATE TABLE review_requests(pr INTEGER NOT NULL, login TEXT NOT NULL COLLATE NOCASE, PRIMARY KEY (pr, login));
        CREATE TABLE reviews(id INTEGER PRIMARY KEY AUTOINCREMENT, pr INTEGER NOT NULL, login TEXT NOT NULL,
            state TEXT NOT NULL, commit_sha TEXT NOT NULL, body TEXT NOT NULL, agent TEXT, submitted_at TEXT NOT NULL);
        CREATE TABLE statuses(sha TEXT NOT NULL, context TEXT NOT NULL, state TEXT NOT NULL, description TEXT NOT NULL,
            url TEXT, log_path TEXT, updated_at TEXT NOT NULL, PRIMARY KEY (sha, context));
        CREATE TABLE deployments(id INTEGER PRIMARY KEY AUTOINCREMENT, sha TEXT NOT NULL, environment TEXT NOT NULL,
            state TEXT NOT NULL, at TEXT NOT NULL, url TEXT);
        CREATE TABLE pushes(id INTEGER PRIMARY KEY AUTOINCREMENT, branch TEXT NOT NULL, sha TEXT NOT NULL, actor TEXT NOT NULL, at TEXT NOT NULL);
        CREATE TABLE protections(branch TEXT PRIMARY KEY, json TEXT NOT NULL);
        CREATE TABLE events(id INTEGER PRIMARY KEY AUTOINCREMENT, actor TEXT NOT NULL, at TEXT NOT NULL, kind TEXT NOT NULL,
            target TEXT NOT NULL, payload TEXT NOT NULL);
        CREATE INDEX events_target ON events(target, kind);
        CREATE INDEX pushes_branch ON pushes(branch);
        """,
        """
        CREATE INDEX comments_number ON comments(number, id);
        CREATE TABLE merge_intents(commit_sha TEXT PRIMARY KEY, pr INTEGER NOT NULL, base TEXT NOT NULL, base_sha TEXT NOT NULL,
            head_sha TEXT NOT NULL, message TEXT NOT NULL, at TEXT NOT NULL);
        CREATE TABLE ci_results(tree TEXT NOT NULL, entrypoint TEXT NOT NULL, context TEXT NOT NULL, sha TEXT NOT NULL,
            description TEXT NOT NULL, log_path TEXT NOT NULL, at TEXT NOT NULL, PRIMARY KEY (tree, entrypoint, context));
        CREATE TABLE ci_runs(sha TEXT PRIMARY KEY, pid INTEGER NOT NULL, started_ticks INTEGER NOT NULL);
        """,
        """
        CREATE TABLE merge_queue(pr INTEGER PRIMARY KEY, base TEXT NOT NULL, head_sha TEXT NOT NULL, lane TEXT NOT NULL,
            title TEXT NOT NULL, message TEXT NOT NULL, enqueued_at TEXT NOT NULL);
        CREATE TABLE queue_batches(id INTEGER PRIMARY KEY AUTOINCREMENT, base TEXT NOT NULL, base_sha TEXT NOT NULL, members TEXT NOT NULL,
            heads TEXT NOT NULL, commits TEXT NOT NULL, candidate TEXT NOT NULL, passed INTEGER NOT NULL, log_tail TEXT NOT NULL, at TEXT NOT NULL);
        CREATE INDEX queue_batches_base ON queue_batches(base, base_sha);
        """,
        """
        ALTER TABLE issues ADD COLUMN state_reason TEXT CHECK (state_reason IS NULL OR state_reason IN ('completed','not_planned'));
        """,
        """
        CREATE TABLE review_comments(id INTEGER PRIMARY KEY AUTOINCREMENT, pr INTEGER NOT NULL, author TEXT NOT NULL, path TEXT NOT NULL,
            line INTEGER, commit_sha TEXT NOT NULL, body TEXT NOT NULL, created_at TEXT NOT NULL);
        CREATE INDEX review_comments_pr ON review_comments(pr, id);
        """,
    ];
}
