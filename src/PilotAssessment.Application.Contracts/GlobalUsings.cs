// Namespaces that most files of this project use.
global using System.ComponentModel.DataAnnotations;
global using PilotAssessment.Services;
