// Surnames of African cultures, written from general knowledge of common family names: Nigerian
// (Yoruba, Igbo, Hausa, Edo, Efik), Ghanaian (Akan, Ewe, Ga), Southern African (Zulu, Xhosa, Sotho,
// Tswana, Afrikaans, Shona), East African (Kenya, Tanzania, Uganda), Ethiopian/Eritrean and
// Senegalese/Malian/Guinean.
export const SURNAMES_AFRICA: Readonly<Record<string, string>> = {
  // Yoruba.
  yoruba: `Adebayo Adeyemi Adewale Adekunle Adeleke Adegoke Adeniyi Adesanya Adetunji Afolabi Ajayi Akande Akinola
    Akinyemi Alabi Aluko Amusan Ayodele Babatunde Bakare Balogun Bello Coker Dada Fashola Fasanya Fayemi Ogunleye
    Ogunbiyi Ogundipe Ogunlesi Ogunsanya Ogunbanjo Ojo Oke Okonjo Oladipo Olaniyan Olatunji Olawale Oluwole Omotosho
    Onabanjo Osinbajo Oyebanji Oyelaran Oyelowo Oyewole Popoola Salami Shittu Sowande Sanni Tinubu Williams Obasanjo
    Abiodun Adeoye Adeosun Adesina Akinwumi Akinbode Ayinde Durojaiye Eniola Fagbemi Falana Folarin Ibikunle Idowu
    Kolawole Makinde Obafemi Odunsi Ojediran Olanrewaju Olowu Omisore Oni Opeyemi Oyedepo Oyinlola Soyinka Kuti`,
  // Igbo and other southern Nigerian (Edo, Efik, Ijaw, Urhobo).
  igbo: `Okafor Okonkwo Okeke Okoye Nwankwo Nwosu Eze Obi Okoro Onyeka Uzor Anyanwu Chukwu Ibe Igwe Nnadi Nwachukwu
    Nwafor Nwabueze Obiora Okonjo Okpara Okwu Onuoha Onwuachi Onyekachi Ugwu Umeh Udeh Ikeji Iwu Madu Mbah Ndukwe
    Nwadike Nwaeze Nwogu Nzeribe Obasi Odoemena Ogbonna Ojukwu Okafor Okereke Okolie Okonta Okorie Okpala Onwuka
    Achebe Adichie Azikiwe Ezeh Ezekwesili Iweala Obiano Ekwueme Soludo Emenike Nnaji Odili Orji Agu Aneke Chukwuma
    Osagie Osaghae Igbinedion Ogbemudia Omoregie Edosomwan Iyamu Bassey Effiong Etim Okon Udoh Ekpo Essien Inyang
    Ibanga Akpan Umoh Akpabio Alamieyeseigha Diete-Spiff Timi Preye Ebiere Amaechi Orubebe Tonye Ovie Oghenekaro`,
  // Hausa, Fulani, Kanuri and northern Nigerian.
  hausa: `Abubakar Bello Danjuma Garba Ibrahim Lawal Mohammed Musa Sani Shehu Suleiman Umar Usman Yakubu Yusuf Aliyu
    Abdullahi Adamu Ahmadu Bala Buhari Dangote Gambo Idris Isah Jibrin Kabir Mamman Maikano Mahmud Nuhu Sambo
    Tanko Tukur Yar'Adua Zubairu Dikko Kano Tambuwal Atiku Shagari Gowon Danladi Haruna Jega Kwankwaso Ribadu`,
  // Ghanaian (Akan, Ewe, Ga, northern).
  ghanaian: `Mensah Asante Owusu Boateng Osei Agyeman Agyemang Appiah Acheampong Adjei Amoah Ampofo Ansah Antwi Asamoah
    Asare Ayew Bonsu Darko Donkor Frimpong Gyamfi Kuffour Kufuor Manu Nkrumah Obeng Ofori Opoku Oppong Poku Quaye
    Sarpong Tetteh Twumasi Yeboah Addo Adomako Akufo-Addo Amponsah Anane Annan Ankrah Arthur Badu Baffoe Bediako
    Danso Dankwa Duah Fosu Gyasi Kyei Larbi Nyarko Ofosu Okyere Quartey Sackey Tagoe Wiredu Amankwah Atta Ampah
    Agbeko Agbodeka Ahiable Akpabli Amenyo Dogbe Dzamesi Fiawoo Gbeho Kpodo Kumordzi Ladzekpo Nutsukpui Tsikata
    Lamptey Ayitey Laryea Nortey Odoi Sowah Armah Aryee Quaicoe Kotey Mahama Iddrisu Alhassan Seidu Abdulai Dramani`,
  // Zulu, Xhosa, Sotho, Tswana, Shona and Afrikaans.
  southern_african: `Dlamini Nkosi Ndlovu Khumalo Mthembu Zulu Ngcobo Mkhize Buthelezi Shabalala Cele Zungu Mahlangu
    Sithole Mabaso Mnguni Msimang Ntuli Nxumalo Hadebe Gumede Mbatha Mazibuko Mokoena Mofokeng Mohapi Molefe Motaung
    Nkabinde Radebe Sibiya Tshabalala Vilakazi Xaba Zwane Maseko Mathebula Baloyi Chauke Maluleke Ngobeni Mabunda
    Mashaba Masilela Mathe Mbeki Mandela Ramaphosa Sisulu Tutu Biko Tambo Hani Motsepe Ntshona Qwabe Makhaye Majola
    Mabuza Magagula Masondo Madonsela Mokgosi Molapo Moloi Mosia Moyo Ncube Sibanda Dube Nyathi Mpofu Chikore Chiweshe
    Merwe Botha Pretorius Nel Fourie Swanepoel Steyn Venter Coetzee Plessis Smit Kruger
    Vermaak Bezuidenhout Cilliers Erasmus Grobler Jacobs Joubert Kotze Louw Marais Meyer Mostert Naude Olivier
    Potgieter Roux Strydom Terblanche Theron Vorster Viljoen Visagie Wessels Engelbrecht Hattingh Oosthuizen Rossouw`,
  // East African: Kenya, Tanzania and Uganda.
  east_african: `Kamau Mwangi Njoroge Kariuki Kimani Otieno Ochieng Onyango Odhiambo Omondi Owino Oduor Okoth Ouma
    Wanjiru Wambui Waweru Wachira Ngugi Mugo Gitau Maina Macharia Mbugua Njuguna Muriuki Kinyanjui Githinji Kiprotich
    Kipchoge Kiplagat Kibet Koech Korir Langat Rotich Ruto Chebet Cheruiyot Kiprono Keter Tanui Tergat Kosgei Biwott
    Wekesa Wafula Barasa Simiyu Wanyonyi Wanjala Masinde Mutua Musyoka Mutiso Kioko Kyalo Musau Nzioka Wambua Mwendwa
    Odinga Kenyatta Moi Kibaki Mboya Matiba Nyerere Kikwete Magufuli Mkapa Mwinyi Msuya Lowassa Kimaro Massawe Lyimo
    Mushi Mollel Laizer Swai Temba Shirima Mrema Urio Minja Kimario Mbwambo Mwakalinga Mwakyusa Mwasumbi Mwansasu
    Museveni Mukasa Ssemakula Ssebunya Kato Wasswa Nakato Kiggundu Kizza Besigye Okello Opio Otim Ocen Odongo Obote`,
  // Ethiopian and Eritrean (the "surname" is usually the father's given name).
  ethiopian: `Bekele Haile Tadesse Girma Alemu Mengistu Gebre Gebremariam Gebremedhin Gebreyesus Assefa Desta Tesfaye
    Kebede Abebe Worku Wolde Woldemariam Tessema Teshome Negash Mekonnen Demissie Getachew Hailu Kassa Lemma Mulugeta
    Tekle Tsegaye Yohannes Zewde Ayele Belay Berhane Dagne Fikre Gebru Kahsay Mesfin Tefera Amare Asfaw Birhanu`,
  // Senegalese, Malian, Guinean, Ivorian and other West African francophone families.
  sahel: `Diop Ndiaye Fall Sow Diallo Ba Bah Barry Sy Mbaye Faye Gueye Sarr Seck Cissé Cisse Thiam Kane Niang Diouf Sall
    Dieng Ndour Ndao Mbengue Sene Thiaw Wade Samb Touré Toure Traoré Traore Keita Keïta Coulibaly Konaté Konate Camara
    Sylla Sangaré Sangare Diarra Dembélé Dembele Sissoko Kouyaté Doumbia Diakité Bamba Kone Koné Ouattara Kouassi Yao
    Konan Kouamé Bakayoko Soro Gbagbo Ouédraogo Ouedraogo Sawadogo Compaoré Kaboré Zongo Tall Sankara Senghor Dione`,
};
