// The OI add-in's ribbon buttons only open the task pane (ShowTaskpane in manifest.xml);
// this file replaces xlwings Server's template ribbon.js ("Hello World").
