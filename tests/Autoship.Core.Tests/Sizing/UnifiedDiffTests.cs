namespace Autoship.Core.Tests.Sizing;

public sealed class UnifiedDiffTests
{
    [Fact]
    public void Parse_ModifiedFile_CountsLinesAndKeepsAddedText()
    {
        const string diff = """
            diff --git a/src/api/users.py b/src/api/users.py
            index 1111111..2222222 100644
            --- a/src/api/users.py
            +++ b/src/api/users.py
            @@ -1,4 +1,5 @@
             import x
            -old = 1
            +new = 2
            +DROP TABLE users;
             
             def f():
            """;

        var file = UnifiedDiff.Parse(diff).ShouldHaveSingleItem();

        file.Path.ShouldBe("src/api/users.py");
        file.Kind.ShouldBe(ChangeKind.Modified);
        file.Added.ShouldBe(2);
        file.Deleted.ShouldBe(1);
        file.AddedLines.ShouldBe(["new = 2", "DROP TABLE users;"]);
    }

    [Fact]
    public void Parse_HunkLinesThatLookLikeHeaders_AreContent()
    {
        const string diff = """
            diff --git a/notes.txt b/notes.txt
            --- a/notes.txt
            +++ b/notes.txt
            @@ -1,2 +1,2 @@
            --- a/old
            +++ b/new
            """;

        var file = UnifiedDiff.Parse(diff).ShouldHaveSingleItem();

        file.Added.ShouldBe(1);
        file.Deleted.ShouldBe(1);
        file.AddedLines.ShouldBe(["++ b/new"]);
    }

    [Fact]
    public void Parse_NewDeletedAndRenamedFiles_HaveTheirKinds()
    {
        const string diff = """
            diff --git a/docs/new.md b/docs/new.md
            new file mode 100644
            index 0000000..e69de29
            --- /dev/null
            +++ b/docs/new.md
            @@ -0,0 +1,2 @@
            +# Title
            +text
            diff --git a/docs/gone.md b/docs/gone.md
            deleted file mode 100644
            index e69de29..0000000
            --- a/docs/gone.md
            +++ /dev/null
            @@ -1 +0,0 @@
            -bye
            diff --git a/runtime/old.go b/docs/moved.go
            similarity index 90%
            rename from runtime/old.go
            rename to docs/moved.go
            index 1..2 100644
            --- a/runtime/old.go
            +++ b/docs/moved.go
            @@ -1 +1 @@
            -a
            +b
            """;

        var files = UnifiedDiff.Parse(diff);

        files.Select(f => (f.Path, f.Kind, f.Added, f.Deleted, f.OldPath)).ShouldBe(
        [
            ("docs/new.md", ChangeKind.Added, 2, 0, (string?)null),
            ("docs/gone.md", ChangeKind.Deleted, 0, 1, null),
            ("docs/moved.go", ChangeKind.Renamed, 1, 1, "runtime/old.go"),
        ]);
    }

    [Fact]
    public void Parse_PureRename_HasNoLinesAndBothPaths()
    {
        const string diff = """
            diff --git a/a b/a.txt b/c d.txt
            similarity index 100%
            rename from a b/a.txt
            rename to c d.txt
            """;

        var file = UnifiedDiff.Parse(diff).ShouldHaveSingleItem();

        file.Kind.ShouldBe(ChangeKind.Renamed);
        file.Path.ShouldBe("c d.txt");
        file.OldPath.ShouldBe("a b/a.txt");
        file.ChangedLines.ShouldBe(0);
    }

    [Fact]
    public void Parse_BinaryFiles_AreBinaryWithSizeWhenThePatchCarriesIt()
    {
        const string diff = """
            diff --git a/web/logo.png b/web/logo.png
            new file mode 100644
            index 0000000..abcdef0
            Binary files /dev/null and b/web/logo.png differ
            diff --git a/web/big.bin b/web/big.bin
            new file mode 100644
            index 0000000..abcdef1
            GIT binary patch
            literal 2000000
            zcmeIuF#!Mo0K%a4Pi+Tph(KY$fB^#r3>YwAz<>b*1`HT5V89q)

            literal 0
            HcmV?d00001

            diff --git a/docs/a.md b/docs/a.md
            --- a/docs/a.md
            +++ b/docs/a.md
            @@ -1 +1 @@
            -x
            +y
            """;

        var files = UnifiedDiff.Parse(diff);

        files.Count.ShouldBe(3);
        files[0].ShouldBe(new ChangedFile("web/logo.png", 0, 0, ChangeKind.Added, Binary: true) { AddedLines = files[0].AddedLines });
        files[1].Binary.ShouldBeTrue();
        files[1].SizeBytes.ShouldBe(2_000_000);
        files[2].Path.ShouldBe("docs/a.md");
        files[2].ChangedLines.ShouldBe(2);
    }

    [Fact]
    public void Parse_NewSymlink_CarriesItsTarget()
    {
        const string diff = """
            diff --git a/docs/link b/docs/link
            new file mode 120000
            index 0000000..1234567
            --- /dev/null
            +++ b/docs/link
            @@ -0,0 +1 @@
            +../../etc/passwd
            \ No newline at end of file
            """;

        var file = UnifiedDiff.Parse(diff).ShouldHaveSingleItem();

        file.SymlinkTarget.ShouldBe("../../etc/passwd");
        file.Kind.ShouldBe(ChangeKind.Added);
    }

    [Fact]
    public void Parse_QuotedPathWithOctalEscapes_IsDecoded()
    {
        const string diff = "diff --git \"a/docs/caf\\303\\251.md\" \"b/docs/caf\\303\\251.md\"\n--- \"a/docs/caf\\303\\251.md\"\n+++ \"b/docs/caf\\303\\251.md\"\n@@ -1 +1 @@\n-a\n+b\n";

        UnifiedDiff.Parse(diff).ShouldHaveSingleItem().Path.ShouldBe("docs/café.md");
    }

    [Fact]
    public void Parse_PlainUnifiedDiffWithoutGitHeaders_ReadsEachFile()
    {
        const string diff = """
            --- docs/a.md	2025-01-01 00:00:00
            +++ docs/a.md	2025-01-02 00:00:00
            @@ -1 +1,3 @@
             a
            +b
            +c
            --- tests/t.py
            +++ tests/t.py
            @@ -5 +5 @@
            -x
            +y
            """;

        var files = UnifiedDiff.Parse(diff);

        files.Select(f => (f.Path, f.Added, f.Deleted)).ShouldBe([("docs/a.md", 2, 0), ("tests/t.py", 1, 1)]);
    }

    [Fact]
    public void Parse_CrLfAndEmptyInput_AreHandled()
    {
        UnifiedDiff.Parse(string.Empty).ShouldBeEmpty();
        UnifiedDiff.Parse("diff --git a/x b/x\r\n--- a/x\r\n+++ b/x\r\n@@ -1 +1 @@\r\n-a\r\n+b\r\n").Single().AddedLines.ShouldBe(["b"]);
    }
}
