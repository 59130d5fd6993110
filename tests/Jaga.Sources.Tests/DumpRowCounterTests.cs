using System.Text;
using Jaga.Postgres.Backup;

namespace Jaga.Sources.Tests;

/// <summary>Row counts read from a plain dump as it streams: one per data line of each COPY block, whatever the chunks.</summary>
public sealed class DumpRowCounterTests
{
    private const string Dump = """"
        --
        -- PostgreSQL database dump
        --

        CREATE TABLE public.accounts (id integer, note text);
        CREATE FUNCTION public.f() RETURNS text AS $$ SELECT 'COPY public.fake (a) FROM stdin;' $$ LANGUAGE sql;

        COPY public.accounts (id, note) FROM stdin;
        1	a line\nwith an escaped newline
        2	\\.
        3	\N
        \.


        COPY "Sales Dept"."Odd ""Name""" (id) FROM stdin;
        7
        \.


        COPY public.empty_one (id) FROM stdin;
        \.


        COPY public.nocolumns  FROM stdin;




        \.


        SELECT pg_catalog.setval('public.s', 3, true);

        """";

    private static readonly Dictionary<string, long> Expected = new()
    {
        ["public.accounts"] = 3,
        ["Sales Dept.Odd \"Name\""] = 1,
        ["public.empty_one"] = 0,
        ["public.nocolumns"] = 4,
    };

    [Fact]
    public void Each_tables_data_lines_are_counted_in_one_read()
    {
        var counter = new DumpRowCounter();
        counter.Read(Encoding.UTF8.GetBytes(Dump.ReplaceLineEndings("\n")));

        Assert.Equal(Expected, counter.Counts);
    }

    [Fact]
    public void The_counts_are_the_same_whatever_the_chunks_are_cut()
    {
        var bytes = Encoding.UTF8.GetBytes(Dump.ReplaceLineEndings("\n"));
        for (var size = 1; size <= 17; size++)
        {
            var counter = new DumpRowCounter();
            for (var at = 0; at < bytes.Length; at += size) counter.Read(bytes.AsSpan(at, Math.Min(size, bytes.Length - at)));
            Assert.Equal(Expected, counter.Counts);
        }
    }

    [Fact]
    public void A_table_whose_data_has_not_ended_is_not_counted_yet()
    {
        var counter = new DumpRowCounter();
        counter.Read("COPY public.t (a) FROM stdin;\n1\n2\n"u8);

        Assert.Empty(counter.Counts);
    }

    [Theory]
    [InlineData("public.t (a) FROM stdin;", "public.t")]
    [InlineData("\"My Schema\".\"a \"\"b\"\"\" (x) FROM stdin;", "My Schema.a \"b\"")]
    [InlineData("\"x.y\".\"z w\" (x) FROM stdin;", "x.y.z w")]
    [InlineData("tabel_é.ü (x) FROM stdin;", "tabel_é.ü")]
    public void Quoted_and_plain_names_are_read_unquoted(string rest, string table) =>
        Assert.Equal(table, DumpRowCounter.TableOf(Encoding.UTF8.GetBytes(rest)));

    [Theory]
    [InlineData("t (a) FROM stdin;")]
    [InlineData("\"unterminated (a) FROM stdin;")]
    public void A_copy_line_of_another_shape_names_no_table(string rest) =>
        Assert.Null(DumpRowCounter.TableOf(Encoding.UTF8.GetBytes(rest)));
}
