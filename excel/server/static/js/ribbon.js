// The OI add-in's ribbon buttons only open the task pane (ShowTaskpane in manifest.xml);
// this file replaces xlwings Server's ribbon.js, whose template button called a script
// this project does not have. It associates no ribbon functions.
