namespace Autoship.Core.Config;

/// <summary>The GitHub Actions workflow <c>autoship init</c> writes: one tick every 15 minutes, never overlapping.</summary>
public static class AutoshipWorkflow
{
    public const string Yaml = $$$"""
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
              - uses: actions/checkout@v4
                with:
                  fetch-depth: 0
                  # The token must not stay in .git/config, where an agent on this runner could read it.
                  persist-credentials: false

              - uses: actions/setup-dotnet@v4
                with:
                  dotnet-version: "10.0.x"

              # From nuget.org. To install from a local package source instead (e.g. a .nupkg you built):
              #   dotnet tool install --global Autoship --add-source ./packages
              - name: Install Autoship
                run: |
                  dotnet tool install --global Autoship
                  echo "$HOME/.dotnet/tools" >> "$GITHUB_PATH"

              # Preferred identity: a GitHub App token (set the AUTOSHIP_APP_ID variable and the
              # AUTOSHIP_APP_PRIVATE_KEY secret). Events made with the Actions GITHUB_TOKEN do not start
              # other workflows, so CI would never run on Autoship's pull requests and nothing could merge.
              # Without an App, a fine-grained token in the AUTOSHIP_TOKEN secret works too.
              - name: App token
                id: app-token
                if: ${{ vars.AUTOSHIP_APP_ID != '' }}
                uses: actions/create-github-app-token@v1
                with:
                  app-id: ${{ vars.AUTOSHIP_APP_ID }}
                  private-key: ${{ secrets.AUTOSHIP_APP_PRIVATE_KEY }}

              # GitHub's ETags from the previous run: unchanged answers come back as 304s, which cost no rate limit.
              - name: Restore the request cache
                uses: actions/cache@v4
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
                run: autoship tick --forge github:${{ github.repository }}
                env:
                  AUTOSHIP_CACHE_DIR: ${{ runner.temp }}/autoship-cache
                  GITHUB_TOKEN: ${{ steps.app-token.outputs.token || secrets.AUTOSHIP_TOKEN }}
                  # A second identity for reviews: GitHub does not let an account approve its own PR.
                  AUTOSHIP_REVIEWER_TOKEN: ${{ secrets.AUTOSHIP_REVIEWER_TOKEN }}

        """;
}
