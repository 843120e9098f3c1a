"""First-person verb forms of Spanish, which usually drops the pronoun.

"Reviso los boletos" is as personal as "yo reviso los boletos", so the voice
check needs the verb forms. They are generated from a list of verbs teachers
use to describe their practice rather than guessed from endings, which would
mistake "el trabajo" (a noun) or "se usa" (impersonal) for the first person.
A verb missing here only makes a paragraph look less personal than it is.
"""

from __future__ import annotations

from model.readiness.text import word_set

_AR = word_set(
    "activar acompañar adaptar agrupar ajustar analizar animar anotar apoyar "
    "aplicar asignar ayudar buscar calificar cambiar clasificar colocar comentar "
    "comenzar comparar comunicar contactar conversar crear dedicar dejar "
    "diseñar documentar empezar encontrar enseñar entregar enviar escuchar "
    "evaluar explicar grabar guiar hablar identificar implementar incorporar "
    "integrar intentar invitar llamar llegar llevar lograr mandar marcar mejorar "
    "modelar mostrar motivar necesitar notar observar organizar planificar "
    "practicar preguntar preparar presentar probar proporcionar realizar "
    "reagrupar recopilar recordar rediseñar registrar repasar revisar "
    "seleccionar tomar trabajar tratar usar utilizar verificar"
)
_ER = word_set(
    "aprender atender comprender conocer devolver entender establecer leer "
    "mover ofrecer proponer recoger resolver responder escoger volver"
)
_IR = word_set(
    "añadir asistir compartir construir corregir decidir descubrir dirigir "
    "discutir dividir distribuir elegir escribir exigir incluir insistir "
    "pedir permitir recibir repetir resumir reunir seguir subir"
)

# First person singular present forms that are not stem + "o".
_PRESENT = {
    "comenzar": "comienzo",
    "empezar": "empiezo",
    "encontrar": "encuentro",
    "enviar": "envío",
    "evaluar": "evalúo",
    "mostrar": "muestro",
    "probar": "pruebo",
    "recordar": "recuerdo",
    "atender": "atiendo",
    "conocer": "conozco",
    "devolver": "devuelvo",
    "entender": "entiendo",
    "establecer": "establezco",
    "mover": "muevo",
    "ofrecer": "ofrezco",
    "proponer": "propongo",
    "recoger": "recojo",
    "resolver": "resuelvo",
    "escoger": "escojo",
    "volver": "vuelvo",
    "construir": "construyo",
    "corregir": "corrijo",
    "dirigir": "dirijo",
    "distribuir": "distribuyo",
    "elegir": "elijo",
    "exigir": "exijo",
    "incluir": "incluyo",
    "pedir": "pido",
    "repetir": "repito",
    "reunir": "reúno",
    "seguir": "sigo",
}
_OTHER_FORMS = word_set(
    "hago hice hacemos hicimos tengo tuve tenemos tuvimos puedo pude podemos "
    "pudimos voy fui vamos fuimos estoy estuve estamos estuvimos soy somos doy "
    "di damos dimos veo vi vemos vimos digo dije decimos dijimos pongo puse "
    "ponemos pusimos traigo traje traemos trajimos sé supe sabemos supimos "
    "quiero quise queremos quisimos vengo vine venimos salgo salí salimos "
    "propuse propusimos hemos debo"
)


def _forms() -> tuple[frozenset[str], frozenset[str]]:
    """(all first-person forms, the singular present ones that are also nouns)."""
    forms: set[str] = set(_OTHER_FORMS)
    present: set[str] = set()
    for group, vowel in ((_AR, "a"), (_ER, "e"), (_IR, "i")):
        for verb in group:
            stem = verb[:-2]
            own = _PRESENT.get(verb, stem + "o")
            present.update({own, stem + "o"})
            if vowel == "a":
                preterite = stem + "é"
                if stem.endswith("c"):
                    preterite = stem[:-1] + "qué"
                elif stem.endswith("g"):
                    preterite = stem + "ué"
                elif stem.endswith("z"):
                    preterite = stem[:-1] + "cé"
                forms.update({preterite, stem + "amos", stem + "ábamos"})
            else:
                # -er verbs: "-emos" now, "-imos" in the past ("movimos").
                forms.update({stem + "í", stem + "i", stem + "imos", stem + "íamos"})
                if vowel == "e":
                    forms.add(stem + "emos")
            forms.update({verb + "é", verb + "emos"})
    forms.update(present)
    return frozenset(forms), frozenset(present)


FIRST_PERSON_VERBS, PRESENT_SINGULAR = _forms()

# Beyond the list, a word ending in a stressed -é is nearly always a first
# person preterite or future ("emparejé", "moveré"); these are the exceptions.
NOT_VERBS_IN_E = word_set(
    "qué porqué café bebé comité carné josé andré puré canapé chalé clisé "
    "consomé bidé buré"
)

# Words after which a form ending in -o is a noun: "el trabajo", "de apoyo".
NOUN_CONTEXT = word_set(
    "el un del al su sus este ese aquel cada otro primer buen mal gran "
    "nuevo mismo tu mi nuestro de en sin con para por como sobre entre a "
    "ningún ningun algún algun todo poco mucho segundo tercer último "
    "ultimo próximo proximo dicho cualquier"
)
