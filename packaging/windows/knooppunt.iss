; Inno Setup script for Knooppunt on Windows (Inno Setup 6.3 or newer; see packaging/README.md).
; Packs the PyInstaller folder dist\knooppunt\ into dist\knooppunt-<version>-windows-setup.exe.
; Installs per user by default (no administrator rights needed; school laptops), into
; %LOCALAPPDATA%\Programs\Knooppunt; an administrator may choose "for all users" instead.
; The user's data (%LOCALAPPDATA%\Knooppunt) is never touched, not even by the uninstaller.
;
; Compile from the repository root:   iscc packaging\windows\knooppunt.iss
; or with an explicit version:        iscc /DAppVersion=0.1.0 packaging\windows\knooppunt.iss

#define DistDir AddBackslash(SourcePath) + "..\..\dist\knooppunt"
#ifndef AppVersion
  ; Taken from knooppunt.exe's version resource, which the spec fills from pyproject.toml.
  #define AppVersion GetVersionNumbersString(DistDir + "\knooppunt.exe")
#endif

[Setup]
; AppId identifies Knooppunt for upgrades and uninstalling: never change it.
AppId={{6F3B2C1E-9A4D-4E8B-B7C5-2D1A0E9F8C34}
AppName=Knooppunt
AppVersion={#AppVersion}
AppVerName=Knooppunt {#AppVersion}
AppPublisher=Knooppunt
AppComments=Knooppuntoverleggen voorzitten, vastleggen en afdrukken
DefaultDirName={autopf}\Knooppunt
DefaultGroupName=Knooppunt
DisableProgramGroupPage=yes
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
MinVersion=10.0
OutputDir=..\..\dist
OutputBaseFilename=knooppunt-{#AppVersion}-windows-setup
SetupIconFile=..\..\resources\icons\knooppunt.ico
UninstallDisplayIcon={app}\knooppunt.exe
UninstallDisplayName=Knooppunt
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
ShowLanguageDialog=no
CloseApplications=yes

[Languages]
Name: "dutch"; MessagesFile: "compiler:Languages\Dutch.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[InstallDelete]
; An upgrade replaces the program folder's libraries entirely (files a new version dropped must go).
Type: filesandordirs; Name: "{app}\_internal"

[Files]
Source: "{#DistDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{autoprograms}\Knooppunt"; Filename: "{app}\knooppunt.exe"; Comment: "Knooppuntoverleggen voorzitten, vastleggen en afdrukken"
Name: "{autodesktop}\Knooppunt"; Filename: "{app}\knooppunt.exe"; Tasks: desktopicon

[Run]
Filename: "{app}\knooppunt.exe"; Description: "{cm:LaunchProgram,Knooppunt}"; Flags: nowait postinstall skipifsilent
