namespace Autoship.Core.Config;

/// <summary>
/// The GitHub Actions workflow <c>autoship init</c> writes: one tick every 15 minutes, never overlapping; actions
/// pinned by commit, Autoship pinned by version, the project's test prerequisites installed, the tick's table in the
/// run's summary with annotations, and the run records uploaded as an artifact.
/// </summary>
public static class AutoshipWorkflow
{
    /// <summary>The workflow for a repository without detected test runners, written by this version.</summary>
    public static string Yaml => For([], WorkflowSteps.DefaultVersion);

    public static string For(IReadOnlyList<TestToolchain> detected, string version) => Head + Checkout
        + WorkflowSteps.InstallAutoship(version) + WorkflowSteps.TestPrerequisites(detected) + Tick;

    private const string Head = $$$"""
        # Autoship: one reconciliation pass ("tick") every 15 minutes. Written by `autoship init`.
        # A tick claims ready issues, runs the owning agent, reviews with a different agent,
        # gates each pull request by lane and merges only what is safe. Running it twice changes nothing.
        name: autoship

        on:
          schedule:
            - cron: "{{{ConfigDefaults.Schedule}}}"
          workflow_dispatch: {}

        # Ticks never overlap; a new run waits instead of cancelling one that may be merging.
        concurrency:
          group: autoship-${{ github.repository }}
          cancel-in-progress: false

        # Least privilege for what a tick does.
        permissions:
          contents: write          # push autoship/* branches and merge
          issues: write            # claim, label and comment on issues
          pull-requests: write     # open, review, label and merge pull requests
          statuses: write          # the autoship/gate commit status
          checks: read             # required CI checks
          deployments: read        # staging deployments (lane B)
          actions: read            # workflow runs behind the checks

        jobs:
          tick:
            runs-on: ubuntu-latest
            timeout-minutes: 60
            steps:

        """;

    private static readonly string Checkout = $$$"""
              - uses: {{{ActionPins.Checkout.Uses}}}
                with:
                  fetch-depth: 0
                  # The token must not stay in .git/config, where an agent on this runner could read it.
                  persist-credentials: false

              - uses: {{{ActionPins.SetupDotnet.Uses}}}
                with:
                  dotnet-version: "10.0.x"


        """;

    private static readonly string Tick = $$$"""
              # Preferred identity: a GitHub App token (set the AUTOSHIP_APP_ID variable and the
              # AUTOSHIP_APP_PRIVATE_KEY secret). Events made with the Actions GITHUB_TOKEN do not start
              # other workflows, so CI would never run on Autoship's pull requests and nothing could merge.
              # Without an App, a fine-grained token in the AUTOSHIP_TOKEN secret works too.
              - name: App token
                id: app-token
                if: ${{ vars.AUTOSHIP_APP_ID != '' }}
                uses: {{{ActionPins.AppToken.Uses}}}
                with:
                  app-id: ${{ vars.AUTOSHIP_APP_ID }}
                  private-key: ${{ secrets.AUTOSHIP_APP_PRIVATE_KEY }}

              # GitHub's ETags from the previous run: unchanged answers come back as 304s, which cost no rate limit.
              - name: Restore the request cache
                uses: {{{ActionPins.Cache.Uses}}}
                with:
                  path: ${{ runner.temp }}/autoship-cache
                  key: autoship-requests-${{ github.run_id }}-${{ github.run_attempt }}
                  restore-keys: autoship-requests-

              # No fallback to the Actions token for writes: its pull requests never start CI, so nothing
              # could merge. Without an App or AUTOSHIP_TOKEN the run fails here and says what to set.
              - name: Require an identity
                run: |
                  if [ -z "$AUTOSHIP_WRITE_TOKEN" ]; then
                    echo "::error title=No Autoship identity::set the AUTOSHIP_APP_ID variable and the AUTOSHIP_APP_PRIVATE_KEY secret (a GitHub App), or the AUTOSHIP_TOKEN secret (a fine-grained token); the Actions token cannot be used because its pull requests never start CI"
                    exit 1
                  fi
                env:
                  AUTOSHIP_WRITE_TOKEN: ${{ steps.app-token.outputs.token || secrets.AUTOSHIP_TOKEN }}

              - name: autoship tick
                run: |
                  mkdir -p "$RUNNER_TEMP/autoship-state"
                  autoship tick --forge github:${{ github.repository }} --json > "$RUNNER_TEMP/autoship-state/tick.json"
                env:
                  AUTOSHIP_CACHE_DIR: ${{ runner.temp }}/autoship-cache
                  AUTOSHIP_STATE_DIR: ${{ runner.temp }}/autoship-state
                  GITHUB_TOKEN: ${{ steps.app-token.outputs.token || secrets.AUTOSHIP_TOKEN }}
                  # A second identity for reviews: GitHub does not let an account approve its own PR.
                  AUTOSHIP_REVIEWER_TOKEN: ${{ secrets.AUTOSHIP_REVIEWER_TOKEN }}

              # The tick's table on the run's summary page and its failures as annotations. Messages quote issue
              # text, so %, CR and LF are escaped: a message cannot start a workflow command of its own.
              - name: Report the tick
                if: ${{ always() }}
                run: |
                  tick="$RUNNER_TEMP/autoship-state/tick.json"
                  [ -s "$tick" ] || exit 0
                  esc='gsub("%"; "%25") | gsub("\r"; "%0D") | gsub("\n"; "%0A")'
                  jq -r ".actions[] | select(.outcome == \"failed\") | \"::error title=autoship #\(.issue) \(.kind)::\(.message | $esc)\"" "$tick"
                  jq -r ".notices[] | \"::warning title=autoship \(.code)::\(.message | $esc)\"" "$tick"
                  {
                    echo "### autoship tick: $(jq -r .outcome "$tick"), $(jq -r '.actions | length' "$tick") actions"
                    echo
                    echo "| issue | action | outcome | message |"
                    echo "|---|---|---|---|"
                    jq -r '.actions[] | "| #\(.issue) | \(.kind) | \(.outcome) | \(.message | gsub("[|\r\n]"; " ")) |"' "$tick"
                    if [ "$(jq '.health | length' "$tick")" != 0 ]; then
                      echo
                      echo "#### Queue health"
                      jq -r '.health[] | "- **\(.code)** (\(.subject)): \(.message | gsub("[\r\n]"; " "))"' "$tick"
                    fi
                  } >> "$GITHUB_STEP_SUMMARY"

              # Run records and agent logs, for `autoship explain` and for people (the secrets never reach them).
              - name: Upload run records
                if: ${{ always() }}
                uses: {{{ActionPins.UploadArtifact.Uses}}}
                with:
                  name: autoship-tick-${{ github.run_id }}-${{ github.run_attempt }}
                  path: |
                    ${{ runner.temp }}/autoship-state/tick.json
                    ${{ runner.temp }}/autoship-state/runs/
                  if-no-files-found: ignore
                  retention-days: 14

        """;
}
