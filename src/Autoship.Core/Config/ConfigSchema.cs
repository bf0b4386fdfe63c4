namespace Autoship.Core.Config;

/// <summary>
/// The JSON Schema (draft 2020-12) of <c>.github/autoship.yml</c>, printed by <c>autoship config schema</c>
/// for editors. A test keeps its properties equal to the keys the loader accepts.
/// </summary>
public static class ConfigSchema
{
    /// <summary>The schema text.</summary>
    public const string Json = """
        {
          "$schema": "https://json-schema.org/draft/2020-12/schema",
          "$id": "urn:autoship:config:1",
          "title": "Autoship configuration (.github/autoship.yml)",
          "type": "object",
          "additionalProperties": false,
          "required": ["version", "labels", "areas", "agents"],
          "properties": {
            "version": { "const": 1, "description": "Configuration format version." },
            "labels": { "type": "array", "items": { "$ref": "#/$defs/label" }, "description": "Every label Autoship reads or writes: area:*, risk:*, autonomy:*, size:*, lane:*." },
            "areas": {
              "type": "object",
              "description": "Areas by name (the part after 'area:'): the paths each covers and its starting lane.",
              "propertyNames": { "pattern": "^[a-z0-9][a-z0-9-]*$" },
              "additionalProperties": { "$ref": "#/$defs/area" }
            },
            "lanes": { "$ref": "#/$defs/lanes" },
            "rules": { "$ref": "#/$defs/rules" },
            "never": { "$ref": "#/$defs/globs", "description": "Paths no agent may touch at all; area paths and path rules cannot override them.", "default": [".github/workflows/**", ".github/autoship.yml", ".git/**", "**/*.pem", "**/.env", "**/.env.*"] },
            "agents": { "type": "array", "items": { "$ref": "#/$defs/agent" }, "minItems": 1 },
            "loop": { "$ref": "#/$defs/loop" },
            "validation": { "$ref": "#/$defs/validation" },
            "sizing": { "$ref": "#/$defs/sizing" },
            "protections": { "$ref": "#/$defs/protections" }
          },
          "$defs": {
            "laneName": { "enum": ["safe", "staging", "human"] },
            "duration": { "type": "string", "pattern": "^([0-9]+(s|m|h|d)|[0-9]{1,3}:[0-5][0-9]:[0-5][0-9])$", "description": "90s, 30m, 2h, 1d or hh:mm:ss." },
            "glob": { "type": "string", "minLength": 1, "description": "Repository-relative glob with '/', '*', '**', '?' and [abc]." },
            "globs": { "type": "array", "items": { "$ref": "#/$defs/glob" } },
            "strings": { "type": "array", "items": { "type": "string" } },
            "positive": { "type": "integer", "minimum": 1 },
            "label": {
              "type": "object",
              "additionalProperties": false,
              "required": ["name", "color"],
              "properties": {
                "name": { "type": "string", "minLength": 1 },
                "color": { "type": "string", "pattern": "^[0-9a-fA-F]{6}$" },
                "description": { "type": "string", "default": "" }
              }
            },
            "area": {
              "type": "object",
              "additionalProperties": false,
              "required": ["lane", "paths"],
              "properties": {
                "lane": { "$ref": "#/$defs/laneName" },
                "paths": { "$ref": "#/$defs/globs" }
              }
            },
            "lanes": {
              "type": "object",
              "additionalProperties": false,
              "description": "Lane A (safe), B (staging), C (human). Keys left out keep the seed's values.",
              "properties": {
                "safe": { "$ref": "#/$defs/lane" },
                "staging": { "$ref": "#/$defs/lane" },
                "human": { "$ref": "#/$defs/lane" }
              }
            },
            "lane": {
              "type": "object",
              "additionalProperties": false,
              "properties": {
                "description": { "type": "string" },
                "examples": { "$ref": "#/$defs/strings" },
                "reviewerApprovals": { "type": "integer", "minimum": 0, "description": "Approving reviews by agents other than the author." },
                "requireChecks": { "type": "boolean", "description": "validation.requiredChecks must be green." },
                "requireLabels": { "$ref": "#/$defs/strings", "description": "Every one of these labels must be on the PR." },
                "requireAnyLabel": { "$ref": "#/$defs/strings", "description": "At least one of these labels must be on the PR." },
                "deployment": { "type": ["string", "null"], "description": "Environment that needs a successful deployment." },
                "humanApproval": { "type": "boolean" },
                "approvers": { "$ref": "#/$defs/strings", "description": "Users or org/team slugs; empty means any account with write access that is not an agent identity." },
                "verificationEvidence": { "type": "boolean", "description": "The PR body needs a verification evidence section." },
                "autoMerge": { "type": "boolean" },
                "guardrails": { "$ref": "#/$defs/guardrails" }
              }
            },
            "guardrails": {
              "type": "object",
              "additionalProperties": false,
              "properties": {
                "maxFiles": { "$ref": "#/$defs/positive" },
                "maxLines": { "$ref": "#/$defs/positive" },
                "maxBinaryBytes": { "$ref": "#/$defs/positive" },
                "maxFileBytes": { "$ref": "#/$defs/positive", "description": "Most bytes of added text in one file." },
                "maxPassBytes": { "$ref": "#/$defs/positive", "description": "Most bytes of added text and binaries in one pass." },
                "maxLineLength": { "$ref": "#/$defs/positive", "description": "The longest added text line, in characters." }
              }
            },
            "rules": {
              "type": "object",
              "additionalProperties": false,
              "properties": {
                "labels": { "type": "array", "items": { "$ref": "#/$defs/labelRule" } },
                "paths": { "type": "array", "items": { "$ref": "#/$defs/pathRule" } },
                "content": { "type": "array", "items": { "$ref": "#/$defs/contentRule" } }
              }
            },
            "labelRule": {
              "type": "object",
              "additionalProperties": false,
              "required": ["label", "lane", "reason"],
              "properties": {
                "label": { "type": "string" },
                "lane": { "$ref": "#/$defs/laneName" },
                "reason": { "type": "string" }
              }
            },
            "pathRule": {
              "type": "object",
              "additionalProperties": false,
              "required": ["id", "paths", "lane", "reason"],
              "properties": {
                "id": { "type": "string" },
                "paths": { "$ref": "#/$defs/globs" },
                "lane": { "$ref": "#/$defs/laneName" },
                "reason": { "type": "string" }
              }
            },
            "contentRule": {
              "type": "object",
              "additionalProperties": false,
              "required": ["id", "pattern", "reason"],
              "properties": {
                "id": { "type": "string" },
                "pattern": { "type": "string", "format": "regex", "description": ".NET regular expression over added lines." },
                "action": { "enum": ["raise", "forbid"], "default": "raise" },
                "lane": { "$ref": "#/$defs/laneName", "default": "human" },
                "reason": { "type": "string" },
                "paths": { "$ref": "#/$defs/globs", "description": "Only in these paths; empty means every path." }
              }
            },
            "agent": {
              "type": "object",
              "additionalProperties": false,
              "required": ["name"],
              "properties": {
                "name": { "type": "string", "pattern": "^[a-z0-9][a-z0-9-]*$" },
                "description": { "type": "string" },
                "areas": { "$ref": "#/$defs/strings", "description": "Areas this agent owns as author." },
                "author": { "type": "boolean", "default": true },
                "review": { "type": "boolean", "default": true },
                "reviewer": { "type": ["string", "null"], "description": "The agent that reviews this one's PRs; default: the first other agent with review: true." },
                "runner": { "$ref": "#/$defs/runner" },
                "timeout": { "$ref": "#/$defs/duration", "default": "30m" },
                "inactivity": { "$ref": "#/$defs/duration", "default": "10m" },
                "env": { "type": "array", "items": { "type": "string", "pattern": "^[A-Za-z_][A-Za-z0-9_]*$" }, "description": "Environment variables passed to the agent (never forge tokens)." },
                "login": { "type": ["string", "null"], "description": "Forge login of this agent's identity, for reviewer requests." },
                "sandbox": { "enum": ["none", "bwrap"], "default": "none" },
                "network": { "type": "boolean", "default": true },
                "maxConcurrent": { "$ref": "#/$defs/positive", "default": 1 }
              }
            },
            "runner": {
              "type": "object",
              "additionalProperties": false,
              "properties": {
                "preset": { "enum": ["builtin", "claude", "codex", "aider", "opencode", "command"], "default": "builtin" },
                "model": { "type": ["string", "null"] },
                "args": { "$ref": "#/$defs/strings" },
                "command": { "$ref": "#/$defs/strings", "description": "argv for preset 'command' (required there)." }
              }
            },
            "loop": {
              "type": "object",
              "additionalProperties": false,
              "properties": {
                "schedule": { "type": "string", "default": "*/15 * * * *", "description": "Five-field cron expression." },
                "claimTimeout": { "$ref": "#/$defs/duration", "default": "2h" },
                "maxAttempts": { "$ref": "#/$defs/positive", "default": 3 },
                "maxConcurrent": { "$ref": "#/$defs/positive", "default": 2 },
                "killSwitch": { "type": "boolean", "default": false },
                "pausedLanes": { "type": "array", "items": { "$ref": "#/$defs/laneName" }, "default": [] },
                "maxAgentMinutesPerDay": { "$ref": "#/$defs/positive", "default": 240 },
                "circuitBreakerFailures": { "$ref": "#/$defs/positive", "default": 3 }
              }
            },
            "validation": {
              "type": "object",
              "additionalProperties": false,
              "properties": {
                "entrypoint": { "type": "string", "minLength": 1, "default": "scripts/test.sh" },
                "requiredChecks": { "$ref": "#/$defs/strings", "default": [] }
              }
            },
            "sizing": {
              "type": "object",
              "additionalProperties": false,
              "properties": {
                "xs": { "$ref": "#/$defs/positive", "default": 10 },
                "s": { "$ref": "#/$defs/positive", "default": 30 },
                "m": { "$ref": "#/$defs/positive", "default": 100 },
                "l": { "$ref": "#/$defs/positive", "default": 500 },
                "generated": { "$ref": "#/$defs/globs" }
              }
            },
            "protections": {
              "type": "object",
              "additionalProperties": false,
              "properties": {
                "branch": { "type": "string", "default": "main" },
                "requirePullRequest": { "type": "boolean", "default": true },
                "requiredApprovals": { "type": "integer", "minimum": 0, "default": 1 },
                "dismissStaleReviews": { "type": "boolean", "default": true },
                "requireChecks": { "type": "boolean", "default": true },
                "blockForcePushes": { "type": "boolean", "default": true },
                "blockDeletions": { "type": "boolean", "default": true },
                "allowAutoMerge": { "type": "boolean", "default": true }
              }
            }
          }
        }
        """;
}
