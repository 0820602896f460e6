<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<!-- Dutch for Qt's own texts that Qt's qtbase_nl catalog misses: Qt 6 changed these source texts
     (e.g. "Look in:" became "&Look in:") and the Dutch catalog still has only the old ones.
     Compile with: pyside6-lrelease knooppunt_qt_nl.ts -qm knooppunt_qt_nl.qm -->
<TS version="2.1" language="nl_NL">
<context>
    <name>QFileDialog</name>
    <message><source>&amp;Look in:</source><translation>&amp;Zoeken in:</translation></message>
    <message><source>Files of &amp;type:</source><translation>Bestands&amp;type:</translation></message>
</context>
<context>
    <name>QPrintSettingsOutput</name>
    <message><source>Double Sided Printing</source><translation>Dubbelzijdig afdrukken</translation></message>
    <message><source>Off</source><translation>Uit</translation></message>
    <message><source>Long side binding</source><translation>Binden aan de lange zijde</translation></message>
    <message><source>Short side binding</source><translation>Binden aan de korte zijde</translation></message>
    <message><source>Page &amp;Set:</source><translation>Pagina&amp;set:</translation></message>
</context>
<context>
    <name>QPageSetupWidget</name>
    <message><source>Pages &amp;per sheet:</source><translation>Pagina&apos;s &amp;per vel:</translation></message>
    <message><source>Page &amp;order:</source><translation>Pagina&amp;volgorde:</translation></message>
    <message><source>Page size:</source><translation>Paginagrootte:</translation></message>
</context>
<context>
    <name>QShortcut</name>
    <message><source>Return</source><translation>Enter</translation></message>
    <message><source>PgDown</source><translation>Page Down</translation></message>
    <message><source>PgUp</source><translation>Page Up</translation></message>
</context>
</TS>
