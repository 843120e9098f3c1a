<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>AssessmentPage</name>
    <message numerus="yes">
        <location filename="../../views/assessment.py" line="+576"/>
        <source>%n word(s) added</source>
        <translation>
            <numerusform>%n word added</numerusform>
            <numerusform>%n words added</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n removed</source>
        <translation>
            <numerusform>%n removed</numerusform>
            <numerusform>%n removed</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+226"/>
        <source>Ready to deny: %n part(s) need(s) more attention</source>
        <translation>
            <numerusform>Ready to deny: %n part needs more attention</numerusform>
            <numerusform>Ready to deny: %n parts need more attention</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+6"/>
        <source>To do: %n part(s)</source>
        <translation>
            <numerusform>To do: %n part</numerusform>
            <numerusform>To do: %n parts</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>AttachmentList</name>
    <message numerus="yes">
        <location filename="../../widgets/attachment_list.py" line="+49"/>
        <source>%n byte(s)</source>
        <translation>
            <numerusform>%n byte</numerusform>
            <numerusform>%n bytes</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DiffView</name>
    <message numerus="yes">
        <location filename="../../widgets/diff_view.py" line="+106"/>
        <source>%n word(s) added</source>
        <translation>
            <numerusform>%n word added</numerusform>
            <numerusform>%n words added</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n word(s) removed</source>
        <translation>
            <numerusform>%n word removed</numerusform>
            <numerusform>%n words removed</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PartEditor</name>
    <message numerus="yes">
        <location filename="../../widgets/part_editor.py" line="+211"/>
        <source>Carried over — approved in attempt %n. It stays as it was unless you unlock it.</source>
        <translation>
            <numerusform>Carried over — approved in attempt %n. It stays as it was unless you unlock it.</numerusform>
            <numerusform>Carried over — approved in attempt %n. It stays as it was unless you unlock it.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>QCoreApplication</name>
    <message numerus="yes">
        <location filename="../../errors.py" line="+87"/>
        <source>{where} — %n word(s), the limit is {limit}</source>
        <translation>
            <numerusform>{where} — %n word, the limit is {limit}</numerusform>
            <numerusform>{where} — %n words, the limit is {limit}</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>QueueTableModel</name>
    <message numerus="yes">
        <location filename="../../queue_model.py" line="+62"/>
        <source>Overdue by %n business day(s)</source>
        <translation>
            <numerusform>Overdue by %n business day</numerusform>
            <numerusform>Overdue by %n business days</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>%n business day(s) left</source>
        <translation>
            <numerusform>%n business day left</numerusform>
            <numerusform>%n business days left</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ReadinessPanel</name>
    <message numerus="yes">
        <location filename="../../widgets/readiness_panel.py" line="+189"/>
        <source>Readiness check — %n suggestion(s)</source>
        <translation>
            <numerusform>Readiness check — %n suggestion</numerusform>
            <numerusform>Readiness check — %n suggestions</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RelatedSubmissionsModel</name>
    <message numerus="yes">
        <location filename="../../widgets/related_submissions.py" line="+88"/>
        <source>Open attempt %n read-only in a new tab</source>
        <translation>
            <numerusform>Open attempt %n read-only in a new tab</numerusform>
            <numerusform>Open attempt %n read-only in a new tab</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+12"/>
        <source>Attempt %n</source>
        <translation>
            <numerusform>Attempt %n</numerusform>
            <numerusform>Attempt %n</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SyncController</name>
    <message numerus="yes">
        <location filename="../../sync.py" line="+292"/>
        <source>%n change(s) waiting to be sent</source>
        <translation>
            <numerusform>%n change waiting to be sent</numerusform>
            <numerusform>%n changes waiting to be sent</numerusform>
        </translation>
    </message>
</context>
</TS>
