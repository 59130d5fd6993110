using Jaga.Core.Updates.Unused;

namespace Jaga.Updates.Tests.Unused;

public sealed class JavaScriptImportsTests
{
    [Fact]
    public void Every_form_of_import_and_require_names_its_package()
    {
        const string source = """
            'use strict';
            const express = require('express');
            const { join } = require("lodash/fp");
            const path = require('node:path');
            const local = require('./local');
            import React, { useState } from 'react';
            import {
              Button,
              Card,
            } from "@acme/ui/components";
            import type { Config } from 'vite';
            import * as d3 from 'd3';
            import 'normalize.css';
            export { default as chalk } from 'chalk';
            export * from '@scope/pkg';
            const lazy = await import('dayjs');
            const resolved = require.resolve('eslint/package.json');
            const mod = require(`zod`);
            import fs from 'fs';
            import util from '/abs/util.js';
            import rel from '../rel.js';
            """;

        var found = JavaScriptImports.Packages(source);

        Assert.Equal(
            new[] { "@acme/ui", "@scope/pkg", "chalk", "d3", "dayjs", "eslint", "express", "fs", "lodash", "normalize.css", "react", "vite", "zod" },
            found.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Imports_in_comments_do_not_count_but_urls_in_strings_do_not_end_the_line()
    {
        const string source = """
            // const old = require('moment');
            /* import axios from 'axios';
               require('request') */
            const url = 'http://example.com/x'; const q = require('qs');
            /**
             * @example import got from 'got'
             */
            const x = 1; // require('left-pad')
            """;

        Assert.Equal(["qs"], JavaScriptImports.Packages(source).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void A_require_inside_a_string_literal_counts_a_known_limit_of_a_text_scan()
    {
        // A regex scanner does not know that this is data: it errs on the side of "used", never of "unused".
        const string source = "const help = \"call require('yargs') to parse\";\n";

        Assert.Contains("yargs", JavaScriptImports.Packages(source));
    }

    [Theory]
    [InlineData("x", "x")]
    [InlineData("x/sub/deep.js", "x")]
    [InlineData("@s/n", "@s/n")]
    [InlineData("@s/n/sub", "@s/n")]
    [InlineData("@s", null)]
    [InlineData("./x", null)]
    [InlineData("../x", null)]
    [InlineData("/x", null)]
    [InlineData("node:fs", null)]
    [InlineData("https://cdn.example.com/x.js", null)]
    [InlineData("#internal", null)]
    public void The_package_of_a_specifier(string specifier, string? package) =>
        Assert.Equal(package, JavaScriptImports.PackageOf(specifier));

    [Fact]
    public void A_word_like_import_in_an_identifier_is_no_import()
    {
        const string source = "const reimport = fromage('cheese'); myrequire('nope'); important('x');\n";

        Assert.Empty(JavaScriptImports.Packages(source));
    }
}
