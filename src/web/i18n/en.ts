import type { BaseMessages } from './zh-CN.ts';

/** English texts; same keys as zh-CN (checked by the type). */
export const en: BaseMessages = {
  common: {
    appName: 'Rongcuo',
    appSubtitle: 'Encouraging cadres to take responsibility · Fault tolerance and error correction',
    loading: 'Loading…',
    retry: 'Retry',
    none: '—',
    cancel: 'Cancel',
    language: {
      label: 'Language',
      switchTo: 'Switch to {{language}}',
    },
  },
  errors: {
    client: {
      network: 'Cannot reach the server. Check the network and try again.',
      bad_response: 'The server sent a response that could not be read. Try again later.',
      http: 'The server could not handle the request (HTTP {{status}}). Try again later.',
      unexpected: 'Something unexpected went wrong. Try again later.',
    },
    loadFailed: 'Could not load',
    notFoundRecord: 'Record not found',
    notFoundHint: 'This record does not exist, or it is outside what you may see.',
    forbidden: 'Not allowed',
    crash: {
      title: 'This page ran into a problem',
      subtitle:
        'The page could not be shown. Anything typed but not yet submitted may need to be entered again.',
      reload: 'Reload',
      home: 'Go to home page',
    },
    notFoundPage: {
      title: 'Page not found',
      subtitle: 'This address does not exist. It may have moved, or it was mistyped.',
    },
    forbiddenPage: {
      title: 'You cannot open this page',
      subtitle: 'Your roles do not include this feature. Ask the system administrator if you need it.',
    },
    backHome: 'Go to home page',
  },
  layout: {
    skipToContent: 'Skip to main content',
    openMenu: 'Open menu',
    expandMenu: 'Expand menu',
    collapseMenu: 'Collapse menu',
    homeLink: 'Rongcuo home',
    demo: 'Demo',
    menu: 'Menu',
    mainNav: 'Main navigation',
    jurisdiction: 'Jurisdiction',
    logout: 'Sign out',
    account: 'Account: {{name}}',
  },
  roles: {
    cadre: 'Cadre',
    unit_leader: 'Unit leader',
    case_officer: 'Case officer',
    committee_member: 'Committee member',
    commission_leader: 'Commission leader',
    org_dept: 'Organisation department',
    supervisor: 'Higher-level supervisor',
    admin: 'Administrator',
  },
  nav: {
    groups: {
      main: 'Workspace',
      matters: 'Tolerance work',
      procedures: 'Correction, filing, clearing, follow-up',
      stats: 'Statistics',
      roster: 'Cadre roster',
      admin: 'Administration',
    },
    home: { label: 'Home', description: 'Your account and where to start' },
    myMatters: {
      label: 'My applications',
      description: 'Where your applications stand, the next deadline, documents, receipt and appeal',
    },
    apply: {
      label: 'Apply for tolerance',
      description: 'First see what can be tolerated, then describe what happened, add evidence and submit',
    },
    matters: {
      label: 'Tolerance matters',
      description: 'Your tasks by deadline, filtered by stage, how the matter began and jurisdiction',
    },
    newMatter: {
      label: 'New matter',
      description: 'Open a tolerance check ex officio, or apply on behalf of a cadre of your unit',
    },
    meetings: {
      label: 'Collective decisions',
      description: 'Matters before the standing committee: recusal, votes, minutes and the decision',
    },
    roster: {
      label: 'Find cadres',
      description: 'Search by name, position, unit or ID number, filter by unit or status, export to Excel',
    },
    rosterImport: {
      label: 'Import roster',
      description: 'Import the roster from Excel or CSV: preview every row first, then import',
    },
    audit: { label: 'Audit log', description: 'Every recorded change and every view of sensitive data' },
    scorecard: {
      label: 'Implementation scorecard',
      description: 'Scores, ranks and compares how strongly each county implements the mechanism; export to Excel',
    },
    dashboard: {
      label: 'Statistics',
      description:
        'Progress, outcomes, time per step and overdue matters; the higher level compares counties',
    },
    consistency: {
      label: 'Consistency',
      description: 'Outcome mix by unit, case officer and decision-maker, flagging tolerance rates far above the norm',
    },
    users: {
      label: 'Users and roles',
      description: 'Create users, grant or revoke scoped roles, reset passwords, disable',
    },
    units: { label: 'Units', description: 'View and add units' },
    policies: {
      label: 'Policies',
      description: 'Each jurisdiction’s policy versions, and what changed between them',
    },
    calendar: {
      label: 'Calendar',
      description: 'Holiday and make-up workday schedules, new years, deadline calculator',
    },
    corrections: {
      label: 'Error correction',
      description:
        'Correction orders, progress reports and evidence, acceptance, the look-back check and closing; overdue or refused correction goes to the leader',
    },
    preRegistrations: {
      label: 'Pre-registration',
      description:
        'Risky initiatives filed before acting: first review, returns for revision, the receipt to download and verify',
    },
    nameClearings: {
      label: 'Name clearing',
      description:
        'Clearing cadres of accusations found untrue: trigger check, the cadre’s consent, approval, the clearing letter, copy to the organisation department',
    },
    followUps: {
      label: 'Follow-up visits',
      description:
        'Visits to sanctioned cadres: the register form, a grade, a reuse recommendation to the organisation department',
    },
    sanctions: {
      label: 'Sanctions and influence periods',
      description:
        'Sanctions recorded against cadres and their influence periods; those awaiting, under and past a follow-up visit',
    },
    outcomeLedger: {
      label: 'Outcome ledger',
      description:
        'Cadres’ tolerance decisions, corrections, name clearings, influence periods and reuse decisions: filter, export and deliver',
    },
    caseLibrary: {
      label: 'Typical cases',
      description:
        'Search published and internal typical cases; de-identify decided matters, propose and approve their publication',
    },
  },
  auth: {
    title: 'Sign in',
    expired: 'Your session has ended. Sign in again to return to the page you were on.',
    username: 'Username',
    usernameRequired: 'Enter your username',
    password: 'Password',
    passwordRequired: 'Enter your password',
    submit: 'Sign in',
    auditNote: 'For authorised staff only. Sign-ins and actions are recorded in the audit log.',
    version: 'version {{version}}',
    principle: {
      title: 'The Three Distinctions',
      one: 'Distinguish mistakes made in reform for lack of experience or in pioneering trials from knowing violations of discipline and law;',
      two: 'distinguish mistakes in exploratory trials not yet restricted by higher authorities from violations committed in defiance of explicit prohibitions;',
      three:
        'distinguish unintentional errors made in promoting development from violations committed for personal gain.',
    },
    demo: {
      title: 'Demo accounts',
      hint: 'Click a username to fill the form. Every demo account uses the password',
      fill: 'Fill in the demo account {{username}}',
    },
  },
  home: {
    welcome: 'Welcome, {{name}}',
    work: 'My work',
    account: {
      title: 'My account',
      displayName: 'Name',
      username: 'Username',
      roles: 'Roles and jurisdictions',
      demo: 'This is a demo environment; all data is fictitious.',
    },
  },
  roster: {
    list: {
      title: 'Cadre roster',
      total: 'Total: {{count}}',
      noMatch: 'No cadres match',
      empty: 'The roster has no cadres yet',
      goImport: 'Import the roster',
      import: 'Import roster',
    },
    export: {
      button: 'Export to Excel',
      fileName: 'cadre-roster.xlsx',
      started: 'Download started',
    },
    filters: {
      region: 'Find cadres',
      search: 'Search',
      searchPlaceholder: 'Name, position, unit, ID',
      searchButton: 'Search',
      unit: 'Unit',
      unitPlaceholder: 'All units',
      unitsFailed: 'Units could not be loaded',
      noUnits: 'No units to choose from',
      status: 'Status',
      gender: 'Gender',
      party: 'Party membership',
      any: 'Any',
      toggle: 'Filters',
      clear: 'Clear filters',
      clearAll: 'Clear search and filters',
    },
    fields: {
      name: 'Name',
      gender: 'Gender',
      birthMonth: 'Born',
      unit: 'Unit',
      position: 'Position',
      rank: 'Rank',
      party: 'Party membership',
      status: 'Status',
      idNumber: 'ID number',
      mobile: 'Mobile',
      jurisdiction: 'Jurisdiction',
      updatedAt: 'Last updated',
      createdAt: 'Created',
    },
    gender: { male: 'Male', female: 'Female' },
    party: { member: 'CPC member', probationary: 'Probationary CPC member', none: 'Not a Party member' },
    status: {
      in_office: 'In office',
      retired: 'Retired',
      transferred_out: 'Transferred out',
      deceased: 'Deceased',
    },
    reveal: {
      idNumber: { button: 'Show full ID number', confirm: 'Show the full ID number?' },
      mobile: { button: 'Show full mobile number', confirm: 'Show the full mobile number?' },
      hide: 'Hide',
      confirmBody:
        'This view will be recorded in the audit log (who, when and whose record). Only view it when your work requires it.',
      confirmOk: 'Show',
    },
    detail: {
      title: 'Cadre details',
      back: 'Back to roster',
      timeNote: 'All times are Beijing time.',
    },
  },
  import: {
    title: 'Import roster',
    file: {
      title: 'Choose a file',
      help: 'Fill in the import template; the first row holds the column names.',
      drop: 'Click or drag a file here',
      formats: '.xlsx and .csv files',
    },
    template: {
      download: 'Download the template',
      fileName: 'cadre-roster-template.xlsx',
    },
    mode: {
      title: 'Import mode',
      allOrNothing: 'All rows or nothing',
      allOrNothingHelp: 'If any row has an error, nothing is imported',
      validRows: 'Only the valid rows',
      validRowsHelp: 'Rows with errors are skipped; the others are imported',
    },
    run: {
      title: 'Check and import',
      preview: 'Preview',
      import: 'Import',
      needFile: 'Choose a file first.',
      needPreview: 'Preview first; import once the check looks right.',
      blocked:
        'With "All rows or nothing", fix the errors below and choose the file again, or switch to "Only the valid rows".',
      uploading: 'Uploading…',
      checking: 'Checking every row…',
      importing: 'Importing…',
      failed: 'The file could not be processed',
      toRoster: 'Open the cadre roster',
    },
    outcome: {
      imported: 'Import finished',
      importedDetail:
        'Created {{created}}, updated {{updated}}, unchanged {{unchanged}}, skipped {{skipped}}.',
      rejected: 'Rows with errors: {{rows}}. Nothing was imported',
      rejectedDetail: 'Fix the file as listed below and choose it again, or switch to "Only the valid rows".',
      previewClean: 'The preview found no errors; ready to import',
      previewDetail:
        'Importing will create {{created}}, update {{updated}} and leave {{unchanged}} unchanged.',
      previewErrors: 'The preview found errors in {{rows}} row(s)',
      previewErrorsAllOrNothing: 'With "All rows or nothing", these must be fixed before importing.',
      previewErrorsValidRows: 'These rows will be skipped; the other {{rows}} row(s) will be imported.',
    },
    summary: {
      previewTitle: 'Preview',
      resultTitle: 'Import result',
      totalRows: 'Rows',
      created: 'Created',
      updated: 'Updated',
      unchanged: 'Unchanged',
      skipped: 'Skipped',
      errorRows: 'Rows with errors',
      format: 'Format: {{format}}; encoding: {{encoding}}',
      encodingNone: 'n/a',
      warnings: 'Notes',
    },
    errors: {
      title: 'Errors by row ({{count}})',
      row: 'Row',
      column: 'Column',
      value: 'Value',
      problem: 'Problem',
      emptyValue: '(empty)',
      noMatch: 'No errors match the filter',
      filterColumn: 'Filter by column',
      allColumns: 'All columns',
      filterText: 'Search values or problems',
      rowN: 'Row {{row}}',
      truncated: '{{count}} more not shown; narrow the filter',
    },
  },
  audit: {
    title: 'Audit log',
    filters: 'Filter audit events',
    search: 'Search',
    entityTypePlaceholder: 'e.g. cadre, user',
    empty: 'No audit events',
    total: 'Total: {{count}}',
    fields: {
      seq: 'No.',
      occurredAt: 'Time (Beijing)',
      actor: 'By',
      action: 'Action',
      entityType: 'Record type',
      entityId: 'Record ID',
    },
  },
};
