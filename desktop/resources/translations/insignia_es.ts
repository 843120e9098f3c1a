<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es" sourcelanguage="en">
<context>
    <name>ApplicationEditor</name>
    <message>
        <location filename="../../widgets/application_editor.py" line="+108"/>
        <source>Every part must be complete again. Parts you passed are carried over and locked; leave them as they are. Parts marked “This area may need more attention” need changes: review the questions, the rubric and the feedback. Your previous attempt is beside this one for reference.</source>
        <translation>Todas las partes deben completarse nuevamente. Las partes que aprobó se transfieren y quedan bloqueadas; déjelas como están. Las partes marcadas con “Esta área puede necesitar mayor atención” necesitan cambios: revise las preguntas, la rúbrica y la retroalimentación. Su intento anterior aparece al lado como referencia.</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>What&apos;s changed</source>
        <translation>Qué ha cambiado</translation>
    </message>
    <message>
        <location line="-8"/>
        <source>Tell the assessor what you changed since your previous attempt and why, especially in response to their feedback. For example: “I added information about the technology we used and the reasons we chose it for our work.”</source>
        <translation>Nota de reenvío: explíquele al asesor qué cambió desde su intento anterior y por qué, especialmente en respuesta a su retroalimentación. Por ejemplo: “He añadido información acerca de la tecnología que hemos utilizado y las razones por las que la seleccionamos para nuestro trabajo.”</translation>
    </message>
    <message>
        <location line="-4"/>
        <source>What&apos;s &amp;changed</source>
        <translation>Qué ha &amp;cambiado</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>What did you change, and why?</source>
        <translation>¿Qué cambió y por qué?</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>After you submit, the application cannot be changed.</source>
        <translation>Una vez enviada, la solicitud no se puede modificar.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Submit Application</source>
        <translation>Enviar solicitud</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Submit the application (Ctrl+Enter)</source>
        <translation>Enviar la solicitud (Ctrl+Enter)</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>Not saved</source>
        <translation>No se guardó</translation>
    </message>
</context>
<context>
    <name>ApplicationHeader</name>
    <message>
        <location filename="../../widgets/application_header.py" line="+57"/>
        <source>Status: %1</source>
        <translation>Estado: %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Attempt %1</source>
        <translation>Intento %1</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Started on</source>
        <translation>Iniciada el</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Last changed</source>
        <translation>Último cambio</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Submitted on</source>
        <translation>Enviada el</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Decision due</source>
        <translation>Plazo de decisión</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Decided on</source>
        <translation>Decidida el</translation>
    </message>
</context>
<context>
    <name>ApplicationPage</name>
    <message>
        <location filename="../../views/application.py" line="+97"/>
        <source>Application</source>
        <translation>Solicitud</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 · Attempt %2</source>
        <translation>%1 · Intento %2</translation>
    </message>
    <message>
        <location line="+43"/>
        <source>This application no longer exists.</source>
        <translation>Esta solicitud ya no existe.</translation>
    </message>
    <message>
        <location line="+86"/>
        <source>Cannot reapply</source>
        <translation>No se puede volver a solicitar</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Only the newest denied attempt can be reapplied. Open the newest attempt from Related submissions or the dashboard.</source>
        <translation>Solo se puede volver a solicitar desde el intento denegado más reciente. Abra el intento más reciente desde Envíos relacionados o desde el panel de control.</translation>
    </message>
    <message>
        <location line="+20"/>
        <location line="+60"/>
        <source>Not submitted</source>
        <translation>No se envió</translation>
    </message>
    <message>
        <location line="-59"/>
        <source>Your last changes could not be saved, so nothing was sent:</source>
        <translation>No se pudieron guardar sus últimos cambios, así que no se envió nada:</translation>
    </message>
    <message>
        <location line="+43"/>
        <source>Not submitted yet</source>
        <translation>Todavía no se ha enviado</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Before you submit, complete these items:</source>
        <translation>Antes de enviar, complete lo siguiente:</translation>
    </message>
    <message>
        <location line="+96"/>
        <location line="+17"/>
        <location line="+26"/>
        <source>Not changed</source>
        <translation>No se cambió</translation>
    </message>
    <message>
        <location line="-41"/>
        <source>Your last changes could not be saved, so both versions are kept for now:</source>
        <translation>No se pudieron guardar sus últimos cambios, así que por ahora se conservan ambas versiones:</translation>
    </message>
</context>
<context>
    <name>AssessmentPage</name>
    <message>
        <location filename="../../views/assessment.py" line="+128"/>
        <source>Assessment</source>
        <translation>Evaluación</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 · Attempt %2</source>
        <translation>%1 · Intento %2</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>This application cannot be found.</source>
        <translation>No se encontró esta solicitud.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>You cannot assess your own application.</source>
        <translation>No puede evaluar su propia solicitud.</translation>
    </message>
    <message>
        <location line="+113"/>
        <source>Status: %1</source>
        <translation>Estado: %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Attempt %1</source>
        <translation>Intento %1</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>&amp;Record decision…</source>
        <translation>&amp;Registrar decisión…</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Submitted on %1</source>
        <translation>Enviada el %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Decision due %1</source>
        <translation>Plazo de decisión: %1</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Decided on %1</source>
        <translation>Decidida el %1</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Held by %1</source>
        <translation>Asignada a %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Another assessor opened this application first: only they can assess it. You can read it here.</source>
        <translation>Otro asesor abrió esta solicitud primero: solo esa persona puede evaluarla. Usted puede leerla aquí.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Approved on %1</source>
        <translation>Aprobada el %1</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Denied on %1</source>
        <translation>Denegada el %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The decision is final; the educator has been notified.</source>
        <translation>La decisión es definitiva; se notificó al educador.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Parts that need more attention: %1</source>
        <translation>Partes que necesitan mayor atención: %1</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>What&apos;s changed, in the educator&apos;s words</source>
        <translation>Nota de reenvío: qué ha cambiado, en palabras del educador</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>What&apos;s changed</source>
        <translation>Qué ha cambiado</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Related submissions</source>
        <translation>Envíos relacionados</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Earlier attempts of this application. Open one to read it with its verdicts and feedback (read-only).</source>
        <translation>Intentos anteriores de esta solicitud. Abra uno para leerlo con sus veredictos y su retroalimentación (solo lectura).</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Competency</source>
        <translation>Competencia</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Key method</source>
        <translation>Método clave</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>Verdict on %1</source>
        <translation>Veredicto sobre %1</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Unchanged — approved in attempt %1</source>
        <translation>Sin cambios — aprobada en el intento %1</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>No changes since attempt %1.</source>
        <translation>Sin cambios desde el intento %1.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Words: %1</source>
        <translation>Palabras: %1</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Evidence</source>
        <translation>Evidencia</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>No files attached.</source>
        <translation>No hay archivos adjuntos.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Rubric of %1</source>
        <translation>Rúbrica de %1</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>No answer.</source>
        <translation>Sin respuesta.</translation>
    </message>
    <message>
        <location line="+6"/>
        <location line="+1"/>
        <location line="+16"/>
        <source>Answer</source>
        <translation>Respuesta</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Changes since attempt %1</source>
        <translation>Cambios desde el intento %1</translation>
    </message>
    <message numerus="yes">
        <location line="+4"/>
        <source>%n word(s) added</source>
        <translation>
            <numerusform>%n palabra añadida</numerusform>
            <numerusform>%n palabras añadidas</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n removed</source>
        <translation>
            <numerusform>%n eliminada</numerusform>
            <numerusform>%n eliminadas</numerusform>
        </translation>
    </message>
    <message>
        <location line="+5"/>
        <location line="+8"/>
        <source>Show final text</source>
        <translation>Ver texto final</translation>
    </message>
    <message>
        <location line="-7"/>
        <source>Switch between the changes and the answer as sent</source>
        <translation>Alterne entre los cambios y la respuesta tal como se envió</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Show changes</source>
        <translation>Ver cambios</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>added</source>
        <translation>añadido</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>removed</source>
        <translation>eliminado</translation>
    </message>
    <message>
        <location line="+68"/>
        <source>This application was decided meanwhile, in another window. Your last change was not saved.</source>
        <translation>Mientras tanto, se decidió esta solicitud en otra ventana. Su último cambio no se guardó.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Someone else keeps saving this assessment; try again.</source>
        <translation>Otra persona sigue guardando esta evaluación; inténtelo de nuevo.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Someone else saved this assessment meanwhile. On “%1”, choose “Use theirs” or “Keep mine”.</source>
        <translation>Otra persona guardó esta evaluación mientras tanto. En “%1”, elija “Usar la otra versión” o “Conservar la mía”.</translation>
    </message>
    <message>
        <location line="+77"/>
        <source>Replace your feedback?</source>
        <translation>¿Reemplazar su retroalimentación?</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Replace the feedback you wrote on this part with the feedback of attempt %1?</source>
        <translation>¿Desea reemplazar la retroalimentación que escribió sobre esta parte por la del intento %1?</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>Choose between the two versions first</source>
        <translation>Primero elija entre las dos versiones</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Ready to approve: every part meets the rubric</source>
        <translation>Lista para aprobar: todas las partes cumplen con la rúbrica</translation>
    </message>
    <message numerus="yes">
        <location line="+4"/>
        <source>Ready to deny: %n part(s) need(s) more attention</source>
        <translation>
            <numerusform>Lista para denegar: %n parte necesita mayor atención</numerusform>
            <numerusform>Lista para denegar: %n partes necesitan mayor atención</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+6"/>
        <source>To do: %n part(s)</source>
        <translation>
            <numerusform>Falta %n parte</numerusform>
            <numerusform>Faltan %n partes</numerusform>
        </translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Approve or deny; the educator is notified at once.</source>
        <translation>Apruebe o deniegue; el educador recibe la notificación de inmediato.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 — no verdict yet</source>
        <translation>%1 — aún sin veredicto</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 — feedback needed</source>
        <translation>%1 — falta la retroalimentación</translation>
    </message>
    <message>
        <location line="+12"/>
        <location line="+15"/>
        <location line="+9"/>
        <source>Decision not recorded</source>
        <translation>No se registró la decisión</translation>
    </message>
    <message>
        <location line="-23"/>
        <source>Your last changes could not be saved:</source>
        <translation>No se pudieron guardar sus últimos cambios:</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Someone else saved this assessment meanwhile. Review the parts that changed, then record the decision again.</source>
        <translation>Otra persona guardó esta evaluación mientras tanto. Revise las partes que cambiaron y vuelva a registrar la decisión.</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>%1, attempt %2 (%3)</source>
        <translation>%1, intento %2 (%3)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Approve %1?</source>
        <translation>¿Aprobar %1?</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Every part meets the rubric.</source>
        <translation>Todas las partes cumplen con la rúbrica.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Deny %1?</source>
        <translation>¿Denegar %1?</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>These parts need more attention:</source>
        <translation>Estas partes necesitan mayor atención:</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The educator sees your feedback on them and can reapply.</source>
        <translation>El educador verá su retroalimentación sobre ellas y podrá volver a solicitar.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Record the decision</source>
        <translation>Registrar la decisión</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The decision is final: the educator is notified at once.</source>
        <translation>La decisión es definitiva: el educador recibe la notificación de inmediato.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Approve</source>
        <translation>Aprobar</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Deny</source>
        <translation>Denegar</translation>
    </message>
</context>
<context>
    <name>AttachmentList</name>
    <message>
        <location filename="../../widgets/attachment_list.py" line="+67"/>
        <source>Attachments</source>
        <translation>Archivos adjuntos</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Double-click to open</source>
        <translation>Haga doble clic para abrir</translation>
    </message>
    <message numerus="yes">
        <location line="-44"/>
        <source>%n byte(s)</source>
        <translation>
            <numerusform>%n byte</numerusform>
            <numerusform>%n bytes</numerusform>
        </translation>
    </message>
    <message>
        <location line="+94"/>
        <source>Insignia could not open “%1”: no program on this computer opens this kind of file. It is stored at %2</source>
        <translation>Insignia no pudo abrir “%1”: ningún programa de esta computadora abre este tipo de archivo. Está guardado en %2</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Cannot open the file</source>
        <translation>No se puede abrir el archivo</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Cannot open the link</source>
        <translation>No se puede abrir el enlace</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Insignia could not open %1: no web browser is set up on this computer. Copy the address into a browser to open it.</source>
        <translation>Insignia no pudo abrir %1: esta computadora no tiene un navegador web configurado. Copie la dirección en un navegador para abrirla.</translation>
    </message>
</context>
<context>
    <name>AttentionBanner</name>
    <message>
        <location filename="../../widgets/attention_banner.py" line="+23"/>
        <source>This area may need more attention</source>
        <translation>Esta área puede necesitar mayor atención</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Assessor&apos;s feedback</source>
        <translation>Retroalimentación del asesor</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Assessor&apos;s feedback: %1</source>
        <translation>Retroalimentación del asesor: %1</translation>
    </message>
</context>
<context>
    <name>CatalogDialog</name>
    <message>
        <location filename="../../views/catalog.py" line="+200"/>
        <source>New application</source>
        <translation>Nueva solicitud</translation>
    </message>
</context>
<context>
    <name>CatalogView</name>
    <message>
        <location line="-104"/>
        <source>Micro-credentials</source>
        <translation>Micro credenciales</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Start application</source>
        <translation>Comenzar solicitud</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>The catalog is empty. Import one with “insignia import-catalog FILE”.</source>
        <translation>El catálogo está vacío. Importe uno con “insignia import-catalog ARCHIVO”.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Competency</source>
        <translation>Competencia</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Key method</source>
        <translation>Método clave</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Parts</source>
        <translation>Partes</translation>
    </message>
</context>
<context>
    <name>CompetencySection</name>
    <message>
        <location filename="../../widgets/application_header.py" line="+30"/>
        <source>Competency</source>
        <translation>Competencia</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Related submissions</source>
        <translation>Envíos relacionados</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Your earlier attempts. Open one to see its answers and feedback.</source>
        <translation>Sus intentos anteriores. Abra uno para ver sus respuestas y la retroalimentación.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Key method</source>
        <translation>Método clave</translation>
    </message>
</context>
<context>
    <name>ConfirmationPanel</name>
    <message>
        <location filename="../../widgets/confirmation_panel.py" line="+24"/>
        <source>Before you submit</source>
        <translation>Antes de enviar</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Check that you answered every question and addressed all the feedback, then confirm:</source>
        <translation>Verifique que respondió todas las preguntas y que atendió toda la retroalimentación; luego confirme:</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>This application is &amp;ready for assessment</source>
        <translation>Esta solicitud está &amp;lista para evaluación</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>I have &amp;permission to share this evidence, and I removed students&apos; names and faces</source>
        <translation>Tengo &amp;permiso para compartir esta evidencia y eliminé los nombres y rostros de los estudiantes</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>This is my &amp;own work</source>
        <translation>Este es mi propio &amp;trabajo</translation>
    </message>
</context>
<context>
    <name>ConflictPanel</name>
    <message>
        <location filename="../../widgets/sync_notes.py" line="+65"/>
        <source>Changed on another device</source>
        <translation>Cambiado en otro dispositivo</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>This text was also changed on another device, and the server keeps that version, below. Your text stays above until you choose.</source>
        <translation>Este texto también se cambió en otro dispositivo, y el servidor conserva esa versión, que aparece abajo. Su texto se mantiene arriba hasta que usted elija.</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>The other device&apos;s version</source>
        <translation>La versión del otro dispositivo</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Use this version</source>
        <translation>Usar esta versión</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Replace your text with the other device&apos;s version</source>
        <translation>Reemplazar su texto por la versión del otro dispositivo</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Keep mine</source>
        <translation>Conservar la mía</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Keep your text; it replaces the other version on the server</source>
        <translation>Conservar su texto; reemplaza la otra versión en el servidor</translation>
    </message>
</context>
<context>
    <name>DashboardView</name>
    <message>
        <location filename="../../views/dashboard.py" line="+97"/>
        <location line="+76"/>
        <source>Your applications</source>
        <translation>Sus solicitudes</translation>
    </message>
    <message>
        <location line="-65"/>
        <source>Show applications</source>
        <translation>Mostrar solicitudes</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Show:</source>
        <translation>&amp;Mostrar:</translation>
    </message>
    <message>
        <location line="+5"/>
        <location line="+1"/>
        <source>Search by title</source>
        <translation>Buscar por título</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>New application…</source>
        <translation>Nueva solicitud…</translation>
    </message>
    <message>
        <location line="+43"/>
        <source>Search by title (%1)</source>
        <translation>Buscar por título (%1)</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Press Enter to open the selected application in a new tab.</source>
        <translation>Presione Enter para abrir la solicitud seleccionada en una nueva pestaña.</translation>
    </message>
    <message>
        <location line="+166"/>
        <source>Attempts: {count}</source>
        <translation>Intentos: {count}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Attempts: loading…</source>
        <translation>Intentos: cargando…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Attempts: {shown} of {count}</source>
        <translation>Intentos: {shown} de {count}</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Past the decision date: {count}</source>
        <translation>Con el plazo de decisión vencido: {count}</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>No application matches this filter and search.</source>
        <translation>Ninguna solicitud coincide con este filtro y esta búsqueda.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>You have no applications yet.
Choose “New application…” to start one from the catalog.</source>
        <translation>Aún no tiene solicitudes.
Elija “Nueva solicitud…” para comenzar una desde el catálogo.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>You have no applications of your own.
The assessment queue, where assessors review submitted applications, comes in a later version of Insignia.</source>
        <translation>No tiene solicitudes propias.
La cola de evaluación, donde los asesores revisan las solicitudes enviadas, llegará en una versión posterior de Insignia.</translation>
    </message>
</context>
<context>
    <name>DiffView</name>
    <message>
        <location filename="../../widgets/diff_view.py" line="+79"/>
        <source>Changes since the last attempt</source>
        <translation>Cambios desde el último intento</translation>
    </message>
    <message numerus="yes">
        <location line="+27"/>
        <source>%n word(s) added</source>
        <translation>
            <numerusform>%n palabra añadida</numerusform>
            <numerusform>%n palabras añadidas</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n word(s) removed</source>
        <translation>
            <numerusform>%n palabra eliminada</numerusform>
            <numerusform>%n palabras eliminadas</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>FindingsModel</name>
    <message>
        <location filename="../../widgets/findings.py" line="+181"/>
        <source>Privacy: may tell the assessor who you are</source>
        <translation>Privacidad: podría revelarle al asesor quién es usted</translation>
    </message>
    <message>
        <location line="+45"/>
        <source>Question %1</source>
        <translation>Pregunta %1</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../main_window.py" line="+107"/>
        <location line="+318"/>
        <source>Insignia</source>
        <translation>Insignia</translation>
    </message>
    <message>
        <location line="-305"/>
        <source>Open tabs</source>
        <translation>Pestañas abiertas</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Assessment queue</source>
        <translation>Cola de evaluación</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Dashboard</source>
        <translation>Panel de control</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>&amp;File</source>
        <translation>&amp;Archivo</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;New application…</source>
        <translation>&amp;Nueva solicitud…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Settings…</source>
        <translation>&amp;Configuración…</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>S&amp;ync now</source>
        <translation>&amp;Sincronizar ahora</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Sign &amp;in to a server…</source>
        <translation>&amp;Iniciar sesión en un servidor…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Sign &amp;out</source>
        <translation>Cerrar s&amp;esión</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>S&amp;witch user…</source>
        <translation>Cambiar de &amp;usuario…</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Quit</source>
        <translation>&amp;Salir</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;View</source>
        <translation>&amp;Ver</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Assessment queue</source>
        <translation>Cola de &amp;evaluación</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Dashboard</source>
        <translation>&amp;Panel de control</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Close tab</source>
        <translation>&amp;Cerrar pestaña</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Help</source>
        <translation>A&amp;yuda</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;About Insignia</source>
        <translation>&amp;Acerca de Insignia</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Next &amp;tab</source>
        <translation>Pestaña &amp;siguiente</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pre&amp;vious tab</source>
        <translation>Pestaña a&amp;nterior</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Application</source>
        <translation>&amp;Solicitud</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Record decision…</source>
        <translation>&amp;Registrar decisión…</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>S&amp;ubmit</source>
        <translation>En&amp;viar</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Save now</source>
        <translation>&amp;Guardar ahora</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Next part</source>
        <translation>Parte &amp;siguiente</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Previous part</source>
        <translation>Parte &amp;anterior</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>&amp;Export PDF…</source>
        <translation>&amp;Exportar PDF…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Print…</source>
        <translation>&amp;Imprimir…</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>{name} · {role}</source>
        <translation>{name} · {role}</translation>
    </message>
    <message>
        <location line="+159"/>
        <source>Decisions on your applications</source>
        <translation>Decisiones sobre sus solicitudes</translation>
    </message>
    <message>
        <location line="+77"/>
        <source>This link is not an Insignia application link:
{url}</source>
        <translation>Este enlace no es un enlace a una solicitud de Insignia:
{url}</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Cannot open the link</source>
        <translation>No se puede abrir el enlace</translation>
    </message>
    <message>
        <location line="-6"/>
        <source>Insignia cannot open “{url}”: there is no such application in this data folder.</source>
        <translation>Insignia no puede abrir “{url}”: esa solicitud no existe en esta carpeta de datos.</translation>
    </message>
    <message>
        <location line="-197"/>
        <source>Sync: {state}</source>
        <translation>Sincronización: {state}</translation>
    </message>
    <message>
        <location line="+45"/>
        <source>Signed in for this session</source>
        <translation>Sesión iniciada solo por ahora</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>This computer has no keyring Insignia can use to keep your sign-in safely, so it is not saved: Insignia will ask you to sign in again the next time it starts.</source>
        <translation>Este equipo no tiene un llavero que Insignia pueda usar para guardar su sesión de forma segura, así que no se guarda: Insignia le pedirá que inicie sesión de nuevo la próxima vez que se abra.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Cannot sign in</source>
        <translation>No se puede iniciar sesión</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Sign out</source>
        <translation>Cerrar sesión</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Sign out of {server}? Your work stays on this computer; changes not yet sent are sent when you sign in again.</source>
        <translation>¿Cerrar la sesión en {server}? Su trabajo se queda en este equipo; los cambios aún no enviados se envían cuando vuelva a iniciar sesión.</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Signed out</source>
        <translation>Sesión cerrada</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>A decision on your application</source>
        <translation>Una decisión sobre su solicitud</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Your application has been decided. Open it to read the feedback.</source>
        <translation>Su solicitud ya tiene una decisión. Ábrala para leer la retroalimentación.</translation>
    </message>
    <message>
        <location line="+161"/>
        <location line="+47"/>
        <location line="+52"/>
        <source>Not saved</source>
        <translation>No se guardó</translation>
    </message>
    <message>
        <location line="-97"/>
        <source>Your last changes could not be saved, so they would be missing from the printed application:</source>
        <translation>No se pudieron guardar sus últimos cambios, así que faltarían en la solicitud impresa:</translation>
    </message>
    <message>
        <location line="+46"/>
        <source>Insignia could not save your last changes:</source>
        <translation>Insignia no pudo guardar sus últimos cambios:</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Saved</source>
        <translation>Guardado</translation>
    </message>
    <message>
        <location line="+48"/>
        <source>Insignia could not save your last changes to “{title}”:
{error}

Close anyway and lose them?</source>
        <translation>Insignia no pudo guardar sus últimos cambios en “{title}”:
{error}

¿Desea cerrar de todos modos y perderlos?</translation>
    </message>
    <message>
        <location line="+77"/>
        <location line="+11"/>
        <source>Switch user</source>
        <translation>Cambiar de usuario</translation>
    </message>
    <message>
        <location line="-10"/>
        <source>There is no other user in this data folder.</source>
        <translation>No hay otro usuario en esta carpeta de datos.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{name} — {role} ({username})</source>
        <translation>{name} — {role} ({username})</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Sign in as:</source>
        <translation>Iniciar sesión como:</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Cannot switch user</source>
        <translation>No se puede cambiar de usuario</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Cannot change the language</source>
        <translation>No se puede cambiar el idioma</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>About Insignia</source>
        <translation>Acerca de Insignia</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Insignia

Draft, submit and resubmit educator micro-credentials, on this computer&apos;s own database.

Data folder: {folder}</source>
        <translation>Insignia

Redacte, envíe y reenvíe solicitudes de micro credenciales para educadores, en la base de datos propia de esta computadora.

Carpeta de datos: {folder}</translation>
    </message>
    <message>
        <location line="-284"/>
        <source>Cannot open the application</source>
        <translation>No se puede abrir la solicitud</translation>
    </message>
</context>
<context>
    <name>NotificationsDialog</name>
    <message>
        <location filename="../../views/notifications.py" line="+152"/>
        <location line="+6"/>
        <source>Notifications</source>
        <translation>Notificaciones</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>No notifications yet.</source>
        <translation>Aún no hay notificaciones.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Press Enter or double-click a decision to open it.</source>
        <translation>Presione Enter o haga doble clic en una decisión para abrirla.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Mark all as read</source>
        <translation>Marcar todas como leídas</translation>
    </message>
</context>
<context>
    <name>PartEditor</name>
    <message>
        <location filename="../../widgets/part_editor.py" line="+97"/>
        <source>Rubric of %1</source>
        <translation>Rúbrica de %1</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Copy my previous answer</source>
        <translation>Copiar mi respuesta anterior</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Fill this part with your answers and files from the previous attempt</source>
        <translation>Complete esta parte con sus respuestas y archivos del intento anterior</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Copy my previous answer to %1</source>
        <translation>Copiar mi respuesta anterior a %1</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Unlock to edit</source>
        <translation>Desbloquear para editar</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Unlock %1 to edit</source>
        <translation>Desbloquear %1 para editarla</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Write about your own classroom…</source>
        <translation>Escriba sobre su propia sala de clases…</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Evidence (required)</source>
        <translation>Evidencia (requerida)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Evidence (optional)</source>
        <translation>Evidencia (opcional)</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Attach files…</source>
        <translation>Adjuntar archivos…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Attach files to %1</source>
        <translation>Adjuntar archivos a %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Remove</source>
        <translation>Quitar</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Remove the selected attachment from %1</source>
        <translation>Quitar el archivo adjunto seleccionado de %1</translation>
    </message>
    <message numerus="yes">
        <location line="+22"/>
        <source>Carried over — approved in attempt %n. It stays as it was unless you unlock it.</source>
        <translation>
            <numerusform>Transferida — aprobada en el intento %n. Se mantiene como estaba a menos que la desbloquee.</numerusform>
            <numerusform>Transferida — aprobada en el intento %n. Se mantiene como estaba a menos que la desbloquee.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Unlocked — this part will be assessed again.</source>
        <translation>Desbloqueada — esta parte se evaluará de nuevo.</translation>
    </message>
    <message>
        <location line="+112"/>
        <source>Replace your text?</source>
        <translation>¿Reemplazar su texto?</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>This part already has text. Replace it with your answers from the previous attempt?</source>
        <translation>Esta parte ya tiene texto. ¿Desea reemplazarlo por sus respuestas del intento anterior?</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Cannot copy</source>
        <translation>No se puede copiar</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Unlock this part?</source>
        <translation>¿Desbloquear esta parte?</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>This part was approved. If you change it, it will be assessed again. Unlock?</source>
        <translation>Esta parte fue aprobada. Si la cambia, se evaluará de nuevo. ¿Desea desbloquearla?</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Cannot unlock</source>
        <translation>No se puede desbloquear</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Attach evidence to %1</source>
        <translation>Adjuntar evidencia a %1</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Attaching files…</source>
        <translation>Adjuntando archivos…</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Some files were not attached</source>
        <translation>Algunos archivos no se adjuntaron</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>These files were not attached:</source>
        <translation>Estos archivos no se adjuntaron:</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Files not attached</source>
        <translation>No se adjuntaron los archivos</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>This part cannot be changed now: %1</source>
        <translation>Esta parte no se puede cambiar ahora: %1</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Remove attachment?</source>
        <translation>¿Quitar el archivo adjunto?</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Remove “%1” from this part?</source>
        <translation>¿Quitar “%1” de esta parte?</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Cannot remove</source>
        <translation>No se puede quitar</translation>
    </message>
</context>
<context>
    <name>PartView</name>
    <message>
        <location filename="../../widgets/part_view.py" line="+65"/>
        <source>Carried over unchanged from attempt %1.</source>
        <translation>Transferida sin cambios desde el intento %1.</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Evidence</source>
        <translation>Evidencia</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>No files attached.</source>
        <translation>No hay archivos adjuntos.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Rubric of %1</source>
        <translation>Rúbrica de %1</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>No answer.</source>
        <translation>Sin respuesta.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Answer</source>
        <translation>Respuesta</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Words: %1</source>
        <translation>Palabras: %1</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Assessor&apos;s verdict: meets the rubric</source>
        <translation>Veredicto del asesor: cumple con la rúbrica</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Assessor&apos;s verdict: needs more attention</source>
        <translation>Veredicto del asesor: necesita mayor atención</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The feedback is shown above.</source>
        <translation>La retroalimentación aparece arriba.</translation>
    </message>
</context>
<context>
    <name>QCoreApplication</name>
    <message numerus="yes">
        <location filename="../../errors.py" line="+87"/>
        <source>{where} — %n word(s), the limit is {limit}</source>
        <translation>
            <numerusform>{where} — %n palabra; el límite es {limit}</numerusform>
            <numerusform>{where} — %n palabras; el límite es {limit}</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>QueueTableModel</name>
    <message numerus="yes">
        <location filename="../../queue_model.py" line="+62"/>
        <source>Overdue by %n business day(s)</source>
        <translation>
            <numerusform>Vencida hace %n día hábil</numerusform>
            <numerusform>Vencida hace %n días hábiles</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>%n business day(s) left</source>
        <translation>
            <numerusform>Queda %n día hábil</numerusform>
            <numerusform>Quedan %n días hábiles</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>QueueView</name>
    <message>
        <location filename="../../views/queue.py" line="+108"/>
        <location line="+61"/>
        <source>Assessment queue</source>
        <translation>Cola de evaluación</translation>
    </message>
    <message>
        <location line="-44"/>
        <source>Show applications</source>
        <translation>Mostrar solicitudes</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Show:</source>
        <translation>&amp;Mostrar:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Refresh</source>
        <translation>Actualizar</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Read the queue again (F5)</source>
        <translation>Volver a leer la cola (F5)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Assessment is double-blind: applications are known by their code. Open one to assess it; it is then assigned to you.</source>
        <translation>La evaluación es doble ciego: las solicitudes se identifican por su código. Abra una para evaluarla; entonces quedará asignada a usted.</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>Press Enter to open the selected application and assess it.</source>
        <translation>Presione Enter para abrir la solicitud seleccionada y evaluarla.</translation>
    </message>
    <message>
        <location line="+146"/>
        <source>The queue could not be read:
{error}</source>
        <translation>No se pudo leer la cola:
{error}</translation>
    </message>
    <message>
        <location line="+31"/>
        <location line="+17"/>
        <source>Loading the queue…</source>
        <translation>Cargando la cola…</translation>
    </message>
    <message>
        <location line="-15"/>
        <source>Waiting for a decision: {count}</source>
        <translation>En espera de decisión: {count}</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Overdue: {count}</source>
        <translation>Vencidas: {count}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Shown: {count}</source>
        <translation>Mostradas: {count}</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>No application in the queue matches this filter.</source>
        <translation>Ninguna solicitud de la cola coincide con este filtro.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Nothing is waiting for a decision. Well done!</source>
        <translation>No hay nada en espera de decisión. ¡Buen trabajo!</translation>
    </message>
</context>
<context>
    <name>ReadinessPanel</name>
    <message>
        <location filename="../../widgets/readiness_panel.py" line="+75"/>
        <location line="+48"/>
        <location line="+64"/>
        <source>Readiness check</source>
        <translation>Revisión previa</translation>
    </message>
    <message>
        <location line="-101"/>
        <source>These are suggestions; they do not block submitting.</source>
        <translation>Son sugerencias; no impiden el envío.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>No suggestions: every part looks ready.</source>
        <translation>Sin sugerencias: todas las partes parecen listas.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Readiness suggestions</source>
        <translation>Sugerencias de la revisión previa</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Press Enter on a suggestion to go to the passage it is about.</source>
        <translation>Presione Enter en una sugerencia para ir al pasaje al que se refiere.</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Show or hide the suggestions</source>
        <translation>Mostrar u ocultar las sugerencias</translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+26"/>
        <source>Checking…</source>
        <translation>Revisando…</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Not checked</source>
        <translation>Sin revisar</translation>
    </message>
    <message numerus="yes">
        <location line="+13"/>
        <source>Readiness check — %n suggestion(s)</source>
        <translation>
            <numerusform>Revisión previa — %n sugerencia</numerusform>
            <numerusform>Revisión previa — %n sugerencias</numerusform>
        </translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Expanded</source>
        <translation>Expandido</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Collapsed</source>
        <translation>Contraído</translation>
    </message>
</context>
<context>
    <name>RelatedSubmissionsModel</name>
    <message>
        <location filename="../../widgets/related_submissions.py" line="+72"/>
        <source>Attempt</source>
        <translation>Intento</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Submitted on</source>
        <translation>Enviada el</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Decision</source>
        <translation>Decisión</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Decided on</source>
        <translation>Decidida el</translation>
    </message>
    <message numerus="yes">
        <location line="+13"/>
        <source>Open attempt %n read-only in a new tab</source>
        <translation>
            <numerusform>Abrir el intento %n, solo lectura, en una nueva pestaña</numerusform>
            <numerusform>Abrir el intento %n, solo lectura, en una nueva pestaña</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+12"/>
        <source>Attempt %n</source>
        <translation>
            <numerusform>Intento %n</numerusform>
            <numerusform>Intento %n</numerusform>
        </translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Pending (%1)</source>
        <translation>Pendiente (%1)</translation>
    </message>
</context>
<context>
    <name>RelatedSubmissionsTable</name>
    <message>
        <location line="+32"/>
        <source>Related submissions</source>
        <translation>Envíos relacionados</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Earlier attempts. Press Enter to open one in a new tab.</source>
        <translation>Intentos anteriores. Presione Enter para abrir uno en una nueva pestaña.</translation>
    </message>
</context>
<context>
    <name>Role</name>
    <message>
        <location filename="../../main_window.py" line="-465"/>
        <source>Educator</source>
        <translation>Educador</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Assessor</source>
        <translation>Asesor</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Administrator</source>
        <translation>Administrador</translation>
    </message>
</context>
<context>
    <name>RubricPanel</name>
    <message>
        <location filename="../../widgets/rubric_panel.py" line="+46"/>
        <source>Rubric: what a passing answer does</source>
        <translation>Rúbrica: lo que logra una respuesta aprobatoria</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Expanded</source>
        <translation>Expandido</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Collapsed</source>
        <translation>Contraído</translation>
    </message>
</context>
<context>
    <name>SaveStatusLabel</name>
    <message>
        <location filename="../../widgets/autosave.py" line="+92"/>
        <location line="+7"/>
        <source>All changes saved</source>
        <translation>Cambios guardados</translation>
    </message>
    <message>
        <location line="-2"/>
        <source>Saving…</source>
        <translation>Guardando…</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Saved at %1</source>
        <translation>Guardado a las %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Not saved yet — will try again</source>
        <translation>Aún sin guardar — se intentará de nuevo</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../../views/settings.py" line="+68"/>
        <source>Settings</source>
        <translation>Configuración</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>for example US</source>
        <translation>por ejemplo, US</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>optional, for example PR</source>
        <translation>opcional, por ejemplo, PR</translation>
    </message>
    <message>
        <location line="+5"/>
        <source> MB</source>
        <translation> MB</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>For example, the name of your school</source>
        <translation>Por ejemplo, el nombre de su escuela</translation>
    </message>
    <message>
        <location line="+55"/>
        <source>Language</source>
        <translation>Idioma</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Interface language:</source>
        <translation>&amp;Idioma de la interfaz:</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The language changes as soon as you choose OK; open applications stay open.</source>
        <translation>El idioma cambia en cuanto elija Aceptar; las solicitudes abiertas siguen abiertas.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Public holidays</source>
        <translation>Días feriados</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Country code:</source>
        <translation>Código de &amp;país:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>S&amp;ubdivision code:</source>
        <translation>Código de &amp;subdivisión:</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>A decision is due 14 business days after submission; weekends and these public holidays do not count. A change applies to applications submitted from now on.</source>
        <translation>La decisión vence 14 días hábiles después del envío; los fines de semana y estos días feriados no cuentan. Un cambio aplica a las solicitudes que se envíen de ahora en adelante.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Attachments</source>
        <translation>Archivos adjuntos</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Largest file:</source>
        <translation>Archivo más &amp;grande:</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Privacy</source>
        <translation>Privacidad</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>P&amp;rivacy words:</source>
        <translation>Palabras de p&amp;rivacidad:</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>One word or phrase per line. Before you submit, Insignia looks for these, your name and your e-mail in your answers and file names, because assessment is anonymous.</source>
        <translation>Una palabra o frase por línea. Antes de que usted envíe, Insignia busca estas palabras, su nombre y su correo electrónico en sus respuestas y en los nombres de archivo, porque la evaluación es anónima.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>“{country}” is not a country code Insignia knows the holidays of. Use a two-letter code such as US or ES.</source>
        <translation>“{country}” no es un código de país cuyos días feriados conozca Insignia. Use un código de dos letras como US o ES.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>“{subdivision}” is not a subdivision of {country} that Insignia knows. Leave it empty, or use a code such as PR for Puerto Rico.</source>
        <translation>“{subdivision}” no es una subdivisión de {country} que Insignia conozca. Déjelo vacío o use un código como PR para Puerto Rico.</translation>
    </message>
</context>
<context>
    <name>SignInDialog</name>
    <message>
        <location filename="../../views/sign_in.py" line="+64"/>
        <source>Sign in to a server</source>
        <translation>Iniciar sesión en un servidor</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Your work stays on this computer and is shared with the server, so assessors receive your submissions and you receive their decisions. Without a connection Insignia keeps working and catches up later.</source>
        <translation>Su trabajo se queda en este equipo y se comparte con el servidor, para que los evaluadores reciban sus envíos y usted reciba sus decisiones. Sin conexión, Insignia sigue funcionando y se pone al día después.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>https://insignia.school.org</source>
        <translation>https://insignia.escuela.org</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Se&amp;rver address:</source>
        <translation>Dirección del se&amp;rvidor:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Username:</source>
        <translation>&amp;Usuario:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Password:</source>
        <translation>&amp;Contraseña:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Server address</source>
        <translation>Dirección del servidor</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Username</source>
        <translation>Usuario</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Password</source>
        <translation>Contraseña</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>&amp;Sign in</source>
        <translation>&amp;Iniciar sesión</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Signing in…</source>
        <translation>Iniciando sesión…</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>“{address}” is not a server address. Type it as your school gave it, for example https://insignia.school.org.</source>
        <translation>«{address}» no es una dirección de servidor. Escríbala como se la dio su escuela, por ejemplo https://insignia.escuela.org.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Type your username and password.</source>
        <translation>Escriba su usuario y su contraseña.</translation>
    </message>
    <message>
        <location line="+56"/>
        <source>The username or password is not right.</source>
        <translation>El usuario o la contraseña no son correctos.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The server at {server} cannot be reached. Check the address and your connection, then try again.</source>
        <translation>No se puede conectar con el servidor {server}. Revise la dirección y su conexión, y vuelva a intentarlo.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>This is an administrator&apos;s account. Administrators manage the server with insignia-server; sign in here as an educator or an assessor.</source>
        <translation>Esta es una cuenta de administrador. Los administradores gestionan el servidor con insignia-server; inicie sesión aquí como educador o evaluador.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The server refused: {reason}</source>
        <translation>El servidor lo rechazó: {reason}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Signing in failed: {reason}</source>
        <translation>No se pudo iniciar sesión: {reason}</translation>
    </message>
</context>
<context>
    <name>Status</name>
    <message>
        <location filename="../../item_models.py" line="+62"/>
        <source>Draft</source>
        <translation>Borrador</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Submitted</source>
        <translation>Enviada</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>In review</source>
        <translation>En revisión</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Approved</source>
        <translation>Aprobada</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Denied</source>
        <translation>Denegada</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Submitted · waiting to send</source>
        <translation>Enviada · pendiente de subir</translation>
    </message>
</context>
<context>
    <name>SubmissionView</name>
    <message>
        <location filename="../../widgets/submission_view.py" line="+56"/>
        <source>Your previous attempt, for reference (read-only)</source>
        <translation>Su intento anterior, como referencia (solo lectura)</translation>
    </message>
    <message>
        <location line="+42"/>
        <source>&amp;Reapply</source>
        <translation>&amp;Volver a solicitar</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Start a new attempt; the parts you passed are carried over.</source>
        <translation>Comience un nuevo intento; las partes que aprobó se transfieren.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>This application was denied. Read the assessor&apos;s feedback on each part below, then choose Reapply to start a new attempt. Parts you passed are carried over; you can submit as many times as you need.</source>
        <translation>Esta solicitud fue denegada. Lea la retroalimentación del asesor en cada parte a continuación y luego elija Volver a solicitar para comenzar un nuevo intento. Las partes que aprobó se transfieren; puede reenviar su solicitud tantas veces como necesite.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>There is a newer attempt of this application.</source>
        <translation>Hay un intento más reciente de esta solicitud.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open attempt %1</source>
        <translation>Abrir el intento %1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>This application was approved: every part meets the rubric.</source>
        <translation>Esta solicitud fue aprobada: todas las partes cumplen con la rúbrica.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Submitted applications cannot change. The decision is due within 14 business days of submission.</source>
        <translation>Las solicitudes enviadas no se pueden modificar. La decisión se tomará dentro de los 14 días hábiles siguientes al envío.</translation>
    </message>
    <message>
        <location line="+25"/>
        <location line="+2"/>
        <source>What&apos;s changed</source>
        <translation>Qué ha cambiado</translation>
    </message>
</context>
<context>
    <name>SubmitCheckDialog</name>
    <message>
        <location filename="../../views/submit_check.py" line="+49"/>
        <source>Before you submit</source>
        <translation>Antes de enviar</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Look at these before you submit</source>
        <translation>Revise esto antes de enviar</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>They do not stop you from submitting. Go back to fix them, or submit your application as it is. Double-click one to go straight to it.</source>
        <translation>Estos puntos no le impiden enviar. Regrese para corregirlos o envíe su solicitud tal como está. Haga doble clic en uno para ir directamente a él.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Findings</source>
        <translation>Hallazgos</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Press Enter on one to go back and edit that passage.</source>
        <translation>Presione Enter en uno para regresar y editar ese pasaje.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>&amp;Go back and edit</source>
        <translation>&amp;Regresar y editar</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Submit anyway</source>
        <translation>&amp;Enviar de todos modos</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Assessment is anonymous: the assessor should not learn your name, your e-mail or your school. Remove them from your answers and file names.</source>
        <translation>La evaluación es anónima: el asesor no debe conocer su nombre, su correo electrónico ni su escuela. Elimínelos de sus respuestas y de los nombres de archivo.</translation>
    </message>
</context>
<context>
    <name>SyncController</name>
    <message numerus="yes">
        <location filename="../../sync.py" line="+292"/>
        <source>%n change(s) waiting to be sent</source>
        <translation>
            <numerusform>%n cambio en espera de envío</numerusform>
            <numerusform>%n cambios en espera de envío</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SyncRefusalBanner</name>
    <message>
        <location filename="../../widgets/sync_notes.py" line="+105"/>
        <source>Dismiss</source>
        <translation>Descartar</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Hide this message; the draft stays as it is</source>
        <translation>Ocultar este mensaje; el borrador queda como está</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Not accepted by the server</source>
        <translation>No aceptado por el servidor</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Not sent: an answer was also changed on another device. Choose which text to keep, then submit again.</source>
        <translation>No se envió: una respuesta también se cambió en otro dispositivo. Elija qué texto conservar y vuelva a enviar la solicitud.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The server did not accept a change: {message}</source>
        <translation>El servidor no aceptó un cambio: {message}</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The server did not accept the submission. Still missing there:</source>
        <translation>El servidor no aceptó el envío. Allí todavía falta:</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The server did not accept the submission: {message}</source>
        <translation>El servidor no aceptó el envío: {message}</translation>
    </message>
</context>
<context>
    <name>VerdictPanel</name>
    <message>
        <location filename="../../widgets/verdict_panel.py" line="+45"/>
        <location line="+71"/>
        <source>Meets the rubric</source>
        <translation>Cumple con la rúbrica</translation>
    </message>
    <message>
        <location line="-69"/>
        <location line="+71"/>
        <source>Needs more attention</source>
        <translation>Necesita mayor atención</translation>
    </message>
    <message>
        <location line="-70"/>
        <source>No verdict yet</source>
        <translation>Aún sin veredicto</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Attempt %1: meets the rubric</source>
        <translation>Intento %1: cumple con la rúbrica</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Attempt %1: needs more attention</source>
        <translation>Intento %1: necesita mayor atención</translation>
    </message>
    <message>
        <location line="+50"/>
        <source>Your verdict</source>
        <translation>Su veredicto</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Verdict</source>
        <translation>Veredicto</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Feedback</source>
        <translation>Retroalimentación</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Copy previous feedback</source>
        <translation>Copiar la retroalimentación anterior</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Start from the feedback given on this part in the last attempt</source>
        <translation>Parta de la retroalimentación que se dio sobre esta parte en el intento anterior</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Feedback to the educator</source>
        <translation>Retroalimentación para el educador</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>What meets the rubric, and what should change?</source>
        <translation>¿Qué cumple con la rúbrica y qué debería cambiar?</translation>
    </message>
    <message>
        <location line="+62"/>
        <source>Their verdict: %1</source>
        <translation>Veredicto de la otra persona: %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>(no feedback)</source>
        <translation>(sin retroalimentación)</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Someone else saved this assessment meanwhile.</source>
        <translation>Otra persona guardó esta evaluación mientras tanto.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Your text is kept in the editor above and was not saved. Their version is below: choose which one to keep.</source>
        <translation>Su texto se conserva en el editor de arriba y no se guardó. La versión de la otra persona está abajo: elija cuál conservar.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Their feedback</source>
        <translation>Retroalimentación de la otra persona</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Use theirs</source>
        <translation>Usar la otra versión</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Keep mine</source>
        <translation>Conservar la mía</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>Required: tell the educator what to change in this part.</source>
        <translation>Requerida: indíquele al educador qué cambiar en esta parte.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Required for “needs more attention”: given.</source>
        <translation>Requerida para “necesita mayor atención”: escrita.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Optional when the part meets the rubric; required when it needs more attention.</source>
        <translation>Opcional cuando la parte cumple con la rúbrica; requerida cuando necesita mayor atención.</translation>
    </message>
</context>
<context>
    <name>WaitingToSendBanner</name>
    <message>
        <location filename="../../widgets/sync_notes.py" line="-88"/>
        <source>Submitted on this computer — waiting to send.</source>
        <translation>Enviada en esta computadora — pendiente de subir al servidor.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>It goes to the server as soon as Insignia can reach it.</source>
        <translation>Se subirá al servidor en cuanto Insignia pueda conectarse con él.</translation>
    </message>
</context>
<context>
    <name>WelcomeDialog</name>
    <message>
        <location filename="../../views/welcome.py" line="+44"/>
        <source>Welcome to Insignia</source>
        <translation>Le damos la bienvenida a Insignia</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Insignia keeps your micro-credential applications on this computer, in {folder}. Tell it who you are to start.</source>
        <translation>Insignia guarda sus solicitudes de micro credenciales en esta computadora, en {folder}. Indique quién es usted para comenzar.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>name@school.org</source>
        <translation>nombre@escuela.org</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Your &amp;name:</source>
        <translation>Su &amp;nombre:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Your &amp;e-mail:</source>
        <translation>Su &amp;correo electrónico:</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>&amp;Start</source>
        <translation>&amp;Comenzar</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Sign in to a &amp;server instead…</source>
        <translation>Iniciar sesión en un &amp;servidor…</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Your school runs an Insignia server: use your account there</source>
        <translation>Su escuela tiene un servidor de Insignia: use su cuenta allí</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Write your name.</source>
        <translation>Escriba su nombre.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Write a valid e-mail address, such as name@school.org.</source>
        <translation>Escriba un correo electrónico válido, como nombre@escuela.org.</translation>
    </message>
</context>
<context>
    <name>WordCountLabel</name>
    <message>
        <location filename="../../widgets/answer_edit.py" line="+316"/>
        <source>⚠ %1 / %2 words: over the limit</source>
        <translation>⚠ %1 / %2 palabras: excede el límite</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 / %2 words: at least %3 expected</source>
        <translation>%1 / %2 palabras: se esperan al menos %3</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 / %2 words</source>
        <translation>%1 / %2 palabras</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Words: %1</source>
        <translation>Palabras: %1</translation>
    </message>
</context>
<context>
    <name>app</name>
    <message>
        <location filename="../../app.py" line="+69"/>
        <source>There is no user “{name}” in the data folder
{folder}

Start with --user and the name of a user of that folder. A new folder started with --demo has the users educator and assessor.</source>
        <translation>No hay ningún usuario “{name}” en la carpeta de datos
{folder}

Inicie con --user y el nombre de un usuario de esa carpeta. Una carpeta nueva iniciada con --demo tiene los usuarios educator y assessor.</translation>
    </message>
    <message>
        <location line="+350"/>
        <source>Insignia cannot start</source>
        <translation>Insignia no puede iniciar</translation>
    </message>
    <message>
        <location line="-174"/>
        <source>Insignia cannot use its data</source>
        <translation>Insignia no puede usar sus datos</translation>
    </message>
    <message>
        <location line="+184"/>
        <source>Insignia is already open on this data folder: {folder}. Switch to that window.</source>
        <translation>Insignia ya está abierto en esta carpeta de datos: {folder}. Cambie a esa ventana.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Insignia is already open</source>
        <translation>Insignia ya está abierto</translation>
    </message>
</context>
<context>
    <name>dashboard</name>
    <message>
        <location filename="../../item_models.py" line="+96"/>
        <source>Title</source>
        <translation>Título</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Attempt</source>
        <translation>Intento</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Submitted on</source>
        <translation>Fecha de envío</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Decision due</source>
        <translation>Plazo de decisión</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Decided on</source>
        <translation>Fecha de decisión</translation>
    </message>
    <message>
        <location line="+85"/>
        <source>{date} — overdue</source>
        <translation>{date} — vencido</translation>
    </message>
    <message>
        <location line="+75"/>
        <source>Submitted on this computer. It goes to the server as soon as Insignia can reach it.</source>
        <translation>Enviada en esta computadora. Se subirá al servidor en cuanto Insignia pueda conectarse con él.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The decision was due on {date} and has not arrived yet.</source>
        <translation>El plazo de decisión venció el {date} y aún no hay decisión.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>A decision is due 14 business days after submission.</source>
        <translation>La decisión vence 14 días hábiles después del envío.</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>All</source>
        <translation>Todas</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Drafts</source>
        <translation>Borradores</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Submitted</source>
        <translation>Enviadas</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Approved</source>
        <translation>Aprobadas</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Denied</source>
        <translation>Denegadas</translation>
    </message>
</context>
<context>
    <name>errors</name>
    <message>
        <location filename="../../errors.py" line="-40"/>
        <source>Confirm that the application is ready for assessment</source>
        <translation>Confirme que la solicitud está lista para evaluación</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Confirm the disclosure</source>
        <translation>Confirme la divulgación</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Confirm that this is your own work</source>
        <translation>Confirme que este es su propio trabajo</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Write what has changed since your last attempt (What&apos;s changed)</source>
        <translation>Escriba en la nota de reenvío qué ha cambiado desde su último intento (Qué ha cambiado)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>What&apos;s changed — changed on another device too: choose which text to keep</source>
        <translation>Qué ha cambiado — también se cambió en otro dispositivo: elija qué texto conservar</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>{part} — attach at least one piece of evidence</source>
        <translation>{part} — adjunte al menos una evidencia</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>{part} · Question {number}</source>
        <translation>{part} · Pregunta {number}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{where} — changed on another device too: choose which text to keep</source>
        <translation>{where} — también se cambió en otro dispositivo: elija qué texto conservar</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>{where} — no answer yet</source>
        <translation>{where} — aún sin respuesta</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>{size} MB</source>
        <translation>{size} MB</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>“{name}” cannot be attached: the file no longer exists.</source>
        <translation>No se puede adjuntar “{name}”: el archivo ya no existe.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>“{name}” cannot be attached: Insignia is not allowed to read it.</source>
        <translation>No se puede adjuntar “{name}”: Insignia no tiene permiso para leerlo.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>“{name}” cannot be attached: it is larger than the limit of {limit}. The limit can be changed in Settings.</source>
        <translation>No se puede adjuntar “{name}”: supera el límite de {limit}. El límite se puede cambiar en Configuración.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>“{name}” cannot be attached: the file is empty.</source>
        <translation>No se puede adjuntar “{name}”: el archivo está vacío.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>“{name}” cannot be attached: it is a folder, not a file.</source>
        <translation>No se puede adjuntar “{name}”: es una carpeta, no un archivo.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>“{name}” cannot be attached: the disk holding the data folder is full.</source>
        <translation>No se puede adjuntar “{name}”: el disco de la carpeta de datos está lleno.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>“{name}” cannot be attached.</source>
        <translation>No se puede adjuntar “{name}”.</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>The file
{path}
is not an Insignia database, or it is damaged. Insignia has left it untouched.

Move the file somewhere else (or restore it from a backup) and start Insignia again, or choose another folder with --data-dir.</source>
        <translation>El archivo
{path}
no es una base de datos de Insignia o está dañado. Insignia no lo ha modificado.

Mueva el archivo a otro lugar (o restáurelo desde una copia de seguridad) e inicie Insignia de nuevo, o elija otra carpeta con --data-dir.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The database
{path}
was written by a newer version of Insignia. Insignia has left it untouched.

Install the newer version to open it.</source>
        <translation>La base de datos
{path}
fue creada por una versión más reciente de Insignia. Insignia no la ha modificado.

Instale la versión más reciente para abrirla.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Insignia cannot use its data at
{path}</source>
        <translation>Insignia no puede usar sus datos en
{path}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Details: {reason}</source>
        <translation>Detalles: {reason}</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>{name} opened this application first: only they can assess it.</source>
        <translation>{name} abrió esta solicitud primero: solo esa persona puede evaluarla.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>This application was submitted: it cannot change any more.</source>
        <translation>Esta solicitud ya se envió: no se puede modificar.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>This part was approved and is locked. Unlock it to change it.</source>
        <translation>Esta parte fue aprobada y está bloqueada. Desbloquéela para cambiarla.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Only the newest denied attempt can be reapplied.</source>
        <translation>Solo se puede volver a solicitar desde el intento denegado más reciente.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Some items are still missing.</source>
        <translation>Aún faltan algunos elementos.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The decision cannot be recorded: every part needs a verdict, and feedback where it needs more attention. You cannot decide on your own application or on one already decided.</source>
        <translation>No se puede registrar la decisión: cada parte necesita un veredicto, y retroalimentación cuando necesita mayor atención. No puede decidir sobre su propia solicitud ni sobre una que ya tiene decisión.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Someone else saved this assessment meanwhile.</source>
        <translation>Otra persona guardó esta evaluación mientras tanto.</translation>
    </message>
    <message>
        <location line="-117"/>
        <source>“{name}” cannot be attached: it is not a regular file (it is a pipe, a device or a socket).</source>
        <translation>No se puede adjuntar “{name}”: no es un archivo normal (es una canalización, un dispositivo o un socket).</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>“{name}” is already attached to this part.</source>
        <translation>“{name}” ya está adjunto a esta parte.</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Insignia cannot write to the data folder {folder}. Check that the folder exists and that you may write to it, or start with --data-dir and another folder.</source>
        <translation>Insignia no puede escribir en la carpeta de datos {folder}. Verifique que la carpeta exista y que usted tenga permiso para escribir en ella, o inicie con --data-dir y otra carpeta.</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>You cannot open this application: it is your own, and an assessor cannot assess their own application.</source>
        <translation>No puede abrir esta solicitud: es suya, y un asesor no puede evaluar su propia solicitud.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>You cannot open this application: it has not been submitted for assessment yet.</source>
        <translation>No puede abrir esta solicitud: todavía no se ha enviado para evaluación.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>You cannot open this application: it belongs to another educator.</source>
        <translation>No puede abrir esta solicitud: pertenece a otro educador.</translation>
    </message>
</context>
<context>
    <name>export</name>
    <message>
        <location filename="../../export.py" line="+112"/>
        <source>Application %1 · Attempt %2</source>
        <translation>Solicitud %1 · Intento %2</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Page %1 of %2</source>
        <translation>Página %1 de %2</translation>
    </message>
    <message>
        <location filename="../../export_document.py" line="+62"/>
        <source>Meets the rubric</source>
        <translation>Cumple con la rúbrica</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Needs more attention</source>
        <translation>Necesita mayor atención</translation>
    </message>
    <message>
        <location line="+182"/>
        <source>Micro-credential application</source>
        <translation>Solicitud de micro credencial</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Competency</source>
        <translation>Competencia</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Key method</source>
        <translation>Método clave</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Started on</source>
        <translation>Iniciada el</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Last changed</source>
        <translation>Último cambio</translation>
    </message>
    <message>
        <location line="+5"/>
        <location line="+61"/>
        <source>Submitted on</source>
        <translation>Enviada el</translation>
    </message>
    <message>
        <location line="-60"/>
        <source>Decision due</source>
        <translation>Plazo de decisión</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+61"/>
        <source>Decided on</source>
        <translation>Decidida el</translation>
    </message>
    <message>
        <location line="-58"/>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+54"/>
        <source>Attempt</source>
        <translation>Intento</translation>
    </message>
    <message>
        <location line="-53"/>
        <source>Application code</source>
        <translation>Código de la solicitud</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>This is a draft: it has not been submitted and may still change.</source>
        <translation>Este es un borrador: no se ha enviado y todavía puede cambiar.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Submitted applications cannot change. The assessor&apos;s decision is pending.</source>
        <translation>Las solicitudes enviadas no se pueden modificar. La decisión del asesor está pendiente.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Approved: every part meets the rubric.</source>
        <translation>Aprobada: todas las partes cumplen con la rúbrica.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Denied. Parts that need more attention: %1</source>
        <translation>Denegada. Partes que necesitan mayor atención: %1</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Related submissions</source>
        <translation>Envíos relacionados</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Decision</source>
        <translation>Decisión</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>What&apos;s changed</source>
        <translation>Qué ha cambiado</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Resubmission note</source>
        <translation>Nota de reenvío</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No note yet.</source>
        <translation>Aún no hay nota.</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Carried over unchanged from attempt %1.</source>
        <translation>Transferida sin cambios desde el intento %1.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>No answer.</source>
        <translation>Sin respuesta.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Rubric</source>
        <translation>Rúbrica</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>This area may need more attention</source>
        <translation>Esta área puede necesitar mayor atención</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Assessor&apos;s feedback:</source>
        <translation>Retroalimentación del asesor:</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Evidence</source>
        <translation>Evidencia</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No files attached.</source>
        <translation>No hay archivos adjuntos.</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Verdict</source>
        <translation>Veredicto</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Not assessed yet.</source>
        <translation>Aún no se ha evaluado.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Assessor&apos;s verdict: %1</source>
        <translation>Veredicto del asesor: %1</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The feedback is shown above.</source>
        <translation>La retroalimentación aparece arriba.</translation>
    </message>
    <message>
        <location filename="../../export.py" line="+196"/>
        <source>Created with Insignia on %1</source>
        <translation>Creado con Insignia el %1</translation>
    </message>
    <message>
        <location line="+74"/>
        <source>There is not enough free space to save “{name}”. Free some space on the disk or choose another folder.</source>
        <translation>No hay suficiente espacio libre para guardar “{name}”. Libere espacio en el disco o elija otra carpeta.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Insignia may not write to the folder {folder}. Choose a folder of your own, such as Documents.</source>
        <translation>Insignia no tiene permiso para escribir en la carpeta {folder}. Elija una carpeta propia, como Documentos.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The folder {folder} does not exist any more. Choose another folder.</source>
        <translation>La carpeta {folder} ya no existe. Elija otra carpeta.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>“{name}” could not be saved: {error}</source>
        <translation>No se pudo guardar “{name}”: {error}</translation>
    </message>
    <message>
        <location filename="../../export_actions.py" line="+115"/>
        <source>A PDF is already being saved. Try again when it is done.</source>
        <translation>Ya se está guardando un PDF. Inténtelo de nuevo cuando termine.</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>Export PDF</source>
        <translation>Exportar PDF</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>PDF documents (*.pdf)</source>
        <translation>Documentos PDF (*.pdf)</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Saving “{name}”…</source>
        <translation>Guardando “{name}”…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Saving the PDF</source>
        <translation>Guardando el PDF</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Saved “{name}”</source>
        <translation>Se guardó “{name}”</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Open</source>
        <translation>Abrir</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Open the PDF</source>
        <translation>Abrir el PDF</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>PDF not saved</source>
        <translation>No se guardó el PDF</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>Print application</source>
        <translation>Imprimir solicitud</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Not printed</source>
        <translation>No se imprimió</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The printer did not accept the application: {error}</source>
        <translation>La impresora no aceptó la solicitud: {error}</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Export PDF…</source>
        <translation>Exportar PDF…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Print…</source>
        <translation>Imprimir…</translation>
    </message>
</context>
<context>
    <name>findings</name>
    <message>
        <location filename="../../widgets/findings.py" line="-143"/>
        <source>No answer yet</source>
        <translation>Aún sin respuesta</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Far too short</source>
        <translation>Demasiado corta</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A little short</source>
        <translation>Algo corta</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Over the word limit</source>
        <translation>Excede el límite de palabras</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Rubric element not addressed</source>
        <translation>Elemento de la rúbrica sin abordar</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>General, not about your classroom</source>
        <translation>General, no sobre su sala de clases</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>No evidence yet</source>
        <translation>Aún sin evidencia</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Incomplete link</source>
        <translation>Enlace incompleto</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Unchanged since the feedback</source>
        <translation>Sin cambios desde la retroalimentación</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Attachment “%1”</source>
        <translation>Archivo adjunto “%1”</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>your name</source>
        <translation>su nombre</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>your e-mail</source>
        <translation>su correo electrónico</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+15"/>
        <source>“%1”, from your privacy words</source>
        <translation>“%1”, de sus palabras de privacidad</translation>
    </message>
    <message>
        <location line="-10"/>
        <source>Part %1 · Question %2</source>
        <translation>Parte %1 · Pregunta %2</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>your name “%1”</source>
        <translation>su nombre “%1”</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>your e-mail “%1”</source>
        <translation>su correo electrónico “%1”</translation>
    </message>
</context>
<context>
    <name>notifications</name>
    <message>
        <location filename="../../views/notifications.py" line="-126"/>
        <source>%1 · attempt %2: %3</source>
        <translation>%1 · intento %2: %3</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Notifications</source>
        <translation>Notificaciones</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Notifications (%1)</source>
        <translation>Notificaciones (%1)</translation>
    </message>
    <message>
        <location line="+41"/>
        <source>State</source>
        <translation>Estado</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Decision</source>
        <translation>Decisión</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Code</source>
        <translation>Código</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Decided on</source>
        <translation>Fecha de decisión</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>New</source>
        <translation>Nueva</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Read</source>
        <translation>Leída</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Open the application and its feedback</source>
        <translation>Abrir la solicitud y su retroalimentación</translation>
    </message>
</context>
<context>
    <name>queue</name>
    <message>
        <location filename="../../queue_model.py" line="-1"/>
        <source>Due today</source>
        <translation>Vence hoy</translation>
    </message>
    <message>
        <location line="+9"/>
        <location filename="../../views/queue.py" line="-159"/>
        <source>{name} (you)</source>
        <translation>{name} (usted)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>All</source>
        <translation>Todas</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Assigned to me</source>
        <translation>Asignadas a mí</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Unassigned</source>
        <translation>Sin asignar</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Overdue</source>
        <translation>Vencidas</translation>
    </message>
    <message>
        <location line="+52"/>
        <source>Code</source>
        <translation>Código</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Micro-credential</source>
        <translation>Micro credencial</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Attempt</source>
        <translation>Intento</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Submitted on</source>
        <translation>Fecha de envío</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Due on</source>
        <translation>Vence el</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Business days left</source>
        <translation>Días hábiles restantes</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Held by</source>
        <translation>Asignada a</translation>
    </message>
    <message>
        <location line="+93"/>
        <source>The decision was due on {date}: 14 business days after submission.</source>
        <translation>La decisión vencía el {date}: 14 días hábiles después del envío.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Nobody has opened it yet. Opening it assigns it to you.</source>
        <translation>Nadie la ha abierto todavía. Al abrirla, quedará asignada a usted.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Held by {name}: only they can assess it.</source>
        <translation>Asignada a {name}: solo esa persona puede evaluarla.</translation>
    </message>
</context>
<context>
    <name>settings</name>
    <message>
        <location filename="../../views/settings.py" line="-171"/>
        <source>System</source>
        <translation>Idioma del sistema</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>English</source>
        <translation>English</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Español</source>
        <translation>Español</translation>
    </message>
</context>
<context>
    <name>sync</name>
    <message>
        <location filename="../../sync.py" line="-59"/>
        <source>Local database — not synced</source>
        <translation>Base de datos local — sin sincronizar</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Syncing {done} of {total}…</source>
        <translation>Sincronizando {done} de {total}…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Syncing…</source>
        <translation>Sincronizando…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Offline — changes wait here</source>
        <translation>Sin conexión — los cambios esperan aquí</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Sign-in needed</source>
        <translation>Hay que iniciar sesión</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Sync error</source>
        <translation>Error de sincronización</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Synced</source>
        <translation>Sincronizado</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Insignia works on the database in {folder}. Sign in to a server (File menu) to share your work with assessors.</source>
        <translation>Insignia trabaja con la base de datos de {folder}. Inicie sesión en un servidor (menú Archivo) para compartir su trabajo con los evaluadores.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Server: {server} as {user}</source>
        <translation>Servidor: {server} como {user}</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Last synced at {time}</source>
        <translation>Última sincronización a las {time}</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The server cannot be reached. Your work is kept on this computer and sent when it can be.</source>
        <translation>No se puede conectar con el servidor. Su trabajo se guarda en este equipo y se envía en cuanto se pueda.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>No keyring is available to keep your sign-in: sign in again each time Insignia starts.</source>
        <translation>No hay un llavero disponible para guardar su sesión: inicie sesión cada vez que abra Insignia.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Your sign-in has expired or was revoked. Sign in again.</source>
        <translation>Su sesión caducó o fue revocada. Inicie sesión de nuevo.</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>The server had a problem: {reason}</source>
        <translation>El servidor tuvo un problema: {reason}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>This computer could not save what arrived: {reason}</source>
        <translation>Este equipo no pudo guardar lo que llegó: {reason}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Something went wrong while syncing: {reason}</source>
        <translation>Algo salió mal al sincronizar: {reason}</translation>
    </message>
</context>
<context>
    <name>tasks</name>
    <message>
        <location filename="../../tasks.py" line="+63"/>
        <source>Something went wrong</source>
        <translation>Algo salió mal</translation>
    </message>
</context>
</TS>
