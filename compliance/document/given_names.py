"""Common given names, for telling a reporter whose surname is a newspaper's word ("Emily Post",
"Tom Daily", "Alex Times") from an outlet named after a place ("Houston Chronicle").

A short vocabulary of the given names most borne in the countries whose newsrooms the packs'
publishers syndicate to (English, Spanish, Portuguese, French, German, Italian, Dutch,
Scandinavian, Slavic, Arabic, Hebrew, Indian, East Asian names as English text writes them), in
lower case and without accents. It is asked only about a would-be name that ends with an outlet's
word, so a name it lacks is read as it was before it existed: as an outlet. Names that are also
words opening outlets' names ("Sierra", "Aspen", "Star", "Sun") are left out; given names that
are places too ("Houston", "Austin", "Charlotte") are here, and `places` decides for them.
"""

GIVEN_NAMES = frozenset(
    """
    aaron abby abdul abdullah abigail abraham ada adam addison adele adrian adriana adrienne agnes ahmad ahmed aidan aileen
    aisha al alan alana alba albert alberto alejandra alejandro aleksandr alex alexa alexander alexandra alexandre alexis
    alfred alfredo ali alice alicia alina alison alistair allan allen allison alma alvaro alyssa amanda amber amelia amir amit
    amy ana anastasia anders andrea andreas andre andres andrew andy angel angela angelica angie anil anita ann anna annabel
    anne annette annie anthony antoine anton antonio april arjun arnold arthur arturo asha ashley ashok astrid audrey austin
    ava avery ayesha barbara barry bart beatrice beatriz becky belinda ben benjamin bernard bernardo bernie beth bethany betsy
    betty beverly bianca bill billy blake bob bobby bonnie brad bradley brandon brenda brendan brent brett brian bridget
    britney brittany brooke bruce bruno bryan byron caitlin caleb calvin cameron camila camille candace cara carl carla carlos
    carmen carol caroline carolyn carrie carson casey cassandra catherine cathy cecilia cedric celeste celia chad charles
    charlie charlotte chelsea cheryl chris christian christina christine christopher christy cindy claire clara clare clark
    claudia claudio clay clayton clifford clint cody colby cole colin colleen connor conor constance corey courtney craig
    cristina curtis cynthia daisy dale dalia damian dan dana daniel daniela danielle danny daphne darius darren dave david
    dawn dean deborah debra deepak denise dennis derek desmond devin diana diane diego dimitri dina dmitri dolores dominic
    dominique don donald donna dora doris dorothy doug douglas drew duncan dustin dylan earl ed eddie edgar edith edmund
    eduardo edward edwin eileen elaine elena eli elias elijah elisa elisabeth eliza elizabeth ella ellen ellie elliot elsa
    emil emilia emilio emily emma emmanuel enrique eric erica erik erin ernest ernesto esther ethan eugene eva evan evelyn
    fabian faith farah fatima felicia felipe felix fernando fiona frances francesca francesco francis francisco frank
    franklin fred freddie frederick gabriel gabriela gabrielle gail gareth gary gavin gemma gene geoffrey george georgia
    gerald gerard gina giovanni giulia giuseppe glenn gloria gordon grace graham grant greg gregory greta guillermo gustavo
    guy gwen hailey haley hamid hannah hans harold harriet harry harvey hassan hayden heather hector heidi helen helena
    henry herbert hilary holly hope howard hugh hugo hunter ian ibrahim ida ines ingrid irene iris isaac isabel isabella
    isabelle ivan jack jackie jackson jacob jacqueline jade jaime jake james jamie jan jane janet janice jared jasmine jason
    javier jay jean jeff jeffrey jenna jennifer jenny jeremy jerome jerry jesse jessica jill jim jimmy jo joan joanna joanne
    joao joe joel johan johanna john johnny jon jonah jonathan jordan jorge jose josef joseph josephine josh joshua joy joyce
    juan juana judith judy julia julian juliana julie juliet julio justin kaitlyn kamal karen kari karin karl kate katherine
    kathleen kathryn kathy katie katrina kay kayla keith kelly ken kendra kenneth kerry kevin khalid kim kimberly kirk kristen
    kristin krista kumar kurt kyle lara larry laura lauren laurence lawrence leah lee leila lena leo leon leonard leonardo
    leslie lewis liam lila lillian lily linda lindsay lindsey lisa liz logan lois lorena lorenzo lori lorraine louis louise
    lucas lucia lucy luis luisa luke lydia lynn mackenzie madeline madison maggie malcolm manuel marc marcela marco marcos
    marcus margaret margarita maria mariana marie marilyn marina mario marisa mark marta martha martin marvin mary mason
    mateo matt matteo matthew maureen max maxine maya megan meghan melanie melissa mercedes meredith mia michael michaela
    michel michele michelle miguel mike mila miles miranda miriam mitchell mohamed mohammad mohammed molly monica morgan
    muhammad mustafa nadia nancy naomi natalia natalie nathan nathaniel neil nelson nicholas nick nicola nicolas nicole nikhil
    nikita nina noah noel nora norma norman olga oliver olivia omar oscar owen pablo paige pamela paolo patricia patrick
    paul paula pauline pedro peggy penelope peter philip phillip phoebe pierre pilar piotr pooja prakash priya rachel rafael
    rahul raj rajesh ralph ramon randy raquel ravi ray raymond rebecca regina renee ricardo richard rick ricky rita rob
    robert roberta roberto robin rocio rodney roger roman ron ronald rosa rose rosemary ross roy ruby russell ruth ryan
    sabrina sally salma sam samantha samir samuel sandra sanjay sara sarah scott sean sebastian selena sergei sergio seth
    shannon sharon shawn sheila shelby shirley sofia sonia sophia sophie spencer stacy stanley stefan stefanie stella
    stephanie stephen steve steven stuart sue sunil susan suzanne sven sylvia tamara tanya tara taylor ted teresa terry
    theodore theresa thomas tiffany tim timothy tina toby todd tom tommy toni tony tracy travis trevor troy tyler umar
    valentina valerie vanessa vera veronica vicki victor victoria vijay vincent violet virginia vivian wade walter wanda
    warren wayne wendy wesley whitney will william willie xavier yasmin yolanda yusuf yvonne zach zachary zoe
    wei jun min yan hui ling hiroshi yuki kenji takashi akira haruto sakura minji jiho seo hyun
    """.split()
)
