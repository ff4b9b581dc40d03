// Stand-ins for the globals Excel provides to an Office.js add-in: Office, Excel and
// CustomFunctions. Everything else on the page is xlwings Server's own JavaScript, served by
// the real server. The culture is taken from globalThis.OI_CULTUUR (default nl-NL).
(function () {
  const klaar = Promise.resolve({ host: "Excel", platform: "OfficeOnline" });
  globalThis.Office = {
    onReady: (terug) => (terug ? klaar.then(terug) : klaar),
    initialize: null,
    context: {
      requirements: { isSetSupported: () => true },
      document: { settings: { get: () => null, set: () => {}, saveAsync: () => {} } },
      roamingSettings: { get: () => null, set: () => {}, saveAsync: () => {} },
      displayLanguage: "nl-NL",
      contentLanguage: "nl-NL",
    },
    actions: { associate: () => {} },
    addin: { setStartupBehavior: async () => {}, showAsTaskpane: async () => {}, onVisibilityModeChanged: () => {} },
    StartupBehavior: { load: "load", none: "none" },
    HostType: { Excel: "Excel" },
    PlatformType: { OfficeOnline: "OfficeOnline" },
  };
  class RequestContext {
    constructor() {
      const cultuur = globalThis.OI_CULTUUR || "nl-NL";
      this.workbook = { name: "Werkmap1.xlsx", load() {} };
      this.application = {
        cultureInfo: { name: cultuur, load() {}, datetimeFormat: { shortDatePattern: "d-M-yyyy", load() {} } },
      };
    }
    async sync() {}
  }
  globalThis.Excel = { RequestContext, run: async (f) => f(new RequestContext()) };
  class FoutInExcel extends Error {
    constructor(code, bericht) {
      super(bericht);
      this.code = code;
    }
  }
  globalThis.OI_FUNCTIES = {};
  globalThis.CustomFunctions = {
    associate: (naam, functie) => { globalThis.OI_FUNCTIES[naam] = functie; },
    Error: FoutInExcel,
    ErrorCode: { invalidValue: "#VALUE!", notAvailable: "#N/A" },
  };
  // Call an associated function as Excel would: arguments 2-D, then the invocation.
  globalThis.OI_ROEP = async (naam, args) => {
    try {
      const uitkomst = await globalThis.OI_FUNCTIES[naam](...args, { address: "Blad1!E2" });
      return { uitkomst };
    } catch (fout) {
      return { fout: fout.message, code: fout.code || null };
    }
  };
})();
