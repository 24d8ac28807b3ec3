// Namespaces that most files of this project use.
global using Microsoft.AspNetCore.Authorization;
global using Microsoft.AspNetCore.Mvc;
global using PilotAssessment.Permissions;
