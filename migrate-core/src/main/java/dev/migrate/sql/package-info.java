/**
 * Splitting SQL scripts into statements: {@link dev.migrate.sql.SqlSplitter} cuts a script at
 * its statement delimiters, never inside a quoted string, identifier, dollar-quoted body,
 * comment or function body, with the lexical rules of one {@link dev.migrate.sql.SqlSyntax}.
 */
package dev.migrate.sql;
