package fr.atelier51.assistant.domain;

/** Facts read in the holder's words that matter for eligibility (domain §0b and §6). */
public enum Signal {
    /** Changes who may do which act (delegation, transfer of tasks). */
    COMPETENCES,
    /** Says explicitly that payment and organisation stay as they are. */
    NO_CHANGE,
    /** A technology or product seeking reimbursement or market access. */
    TECHNOLOGY_ONLY,
    /** Already exists and is already funded. */
    ALREADY_FUNDED,
    /** Close to an existing experiment (to check). */
    SIMILAR_EXISTS,
    NON_CONVENTIONAL_MEDICINE,
    /** Only asks money for services, without an organisational project. */
    FUNDING_ONLY,
    /** Effect limited to one narrow situation. */
    NARROW,
    TELESURVEILLANCE,
    TELEMEDICINE,
    /** Purpose I 2°: drugs and LPP products. */
    HEALTH_PRODUCTS,
    MEDICO_SOCIAL,
    UNDERSERVED_AREA,
    COORDINATION,
    /** Individual professional without a legal entity. */
    INDIVIDUAL_HOLDER,
    /** A structure (legal person) is named. */
    LEGAL_PERSON,
    DEPARTMENT_COFUNDING
}
